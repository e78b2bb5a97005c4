package org.interlend.app.web;

import io.camunda.client.api.command.ClientStatusException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.interlend.app.security.RequestAccess;
import org.interlend.requests.RequestNotActiveException;
import org.interlend.workflows.engine.EngineUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answers every part of the web layer (API, portal, desk, console) gives alike: a problem
 * detail for the API, the error page for browsers.
 *
 * <ul>
 *   <li>503 with a plain message when the engine, the database or the object store is down: nothing
 *       was changed, the request can be tried again;
 *   <li>409 for an action on a request whose process has ended;
 *   <li>404 for a request the user may not see, 403 for an action the user may not take.
 * </ul>
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrorAdvice {

  private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);
  static final String RETRY_AFTER_SECONDS = "30";

  @ExceptionHandler({
    EngineUnavailableException.class,
    ClientStatusException.class,
    DataAccessException.class,
    org.interlend.storage.StorageException.class
  })
  Object unavailable(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    String reason = Unavailable.reason(e).orElse(null);
    if (reason == null) {
      throw e; // not an outage: the usual handling applies
    }
    log.warn(
        "{} {} refused: {} ({})",
        request.getMethod(),
        request.getRequestURI(),
        reason,
        e.toString());
    return respond(request, response, reason);
  }

  /** An upload larger than the limits: 413 with the limit, nothing stored. */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  Object tooLarge(Exception e, HttpServletRequest request) {
    String reason =
        "The upload is too large: at most 200 MB a file and 210 MB in all, and at most 250 files"
            + " at once. Nothing was stored; please upload a smaller file or fewer files.";
    return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "Upload too large", reason);
  }

  /** A multipart request that cannot be read (too many parts, a broken body): 400 with why. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  Object badUpload(Exception e, HttpServletRequest request) {
    String reason =
        "The upload could not be read: at most 250 files at once, each named and complete."
            + " Nothing was stored.";
    return answer(request, HttpStatus.BAD_REQUEST, "Upload not readable", reason);
  }

  private static Object answer(
      HttpServletRequest request, HttpStatus status, String title, String reason) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || String.valueOf(request.getHeader("Accept")).contains("application/json")) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
      problem.setTitle(title);
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    ModelAndView page = new ModelAndView("error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("error", title);
    page.addObject("message", reason);
    return page;
  }

  /** An action on a request whose process has ended: 409 with the reason, nothing changed. */
  @ExceptionHandler(RequestNotActiveException.class)
  Object notActive(RequestNotActiveException e, HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
      problem.setTitle("Request not active");
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    ModelAndView page = new ModelAndView("error");
    page.setStatus(HttpStatus.CONFLICT);
    page.addObject("status", 409);
    page.addObject("error", "Not possible");
    page.addObject("message", e.getMessage());
    return page;
  }

  /** A request the user may not see (404) or act on (403), with the reason. */
  @ExceptionHandler(RequestAccess.Denied.class)
  Object denied(RequestAccess.Denied e, HttpServletRequest request) {
    HttpStatus status = e.hidden() ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
      problem.setTitle(e.hidden() ? "Not found" : "Not allowed");
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    ModelAndView page = new ModelAndView("error");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("error", e.hidden() ? "Not found" : "Not allowed");
    page.addObject("message", e.getMessage());
    return page;
  }

  static Object respond(HttpServletRequest request, HttpServletResponse response, String reason) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, reason);
      problem.setTitle("Service unavailable");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    ModelAndView page = new ModelAndView("error");
    page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
    page.addObject("status", 503);
    page.addObject("error", "Service unavailable");
    page.addObject("message", reason + " Nothing was changed. Please try again in a few minutes.");
    return page;
  }
}
