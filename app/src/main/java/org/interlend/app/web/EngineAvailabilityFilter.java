package org.interlend.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.interlend.workflows.engine.EngineStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses new work at once while the workflow engine cannot take it: any request that would change
 * something (POST, PUT, PATCH, DELETE) to the API, the portal, the desk or the staff console gets
 * 503 with the reason, instead of waiting for a timeout. Reading stays possible.
 */
@Component
class EngineAvailabilityFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineStatus engine;

  EngineAvailabilityFilter(EngineStatus engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/")
        || path.startsWith("/portal/")
        || path.startsWith("/desk/")
        || path.startsWith("/staff/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> down = engine.unavailable();
    if (down.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String reason = "The workflow engine is not running: " + down.get() + ".";
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, WebErrorAdvice.RETRY_AFTER_SECONDS);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("title", "Service unavailable");
      problem.put("status", 503);
      problem.put("detail", reason);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      JSON.writeValue(response.getOutputStream(), problem);
    } else {
      response.setContentType(MediaType.TEXT_HTML_VALUE);
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Service"
                  + " unavailable · Interlend</title><link rel=\"stylesheet\" href=\"/interlend.css\">"
                  + "</head><body><main><h1>Service unavailable</h1><p role=\"alert\">"
                  + HtmlUtils.htmlEscape(reason)
                  + " Nothing was changed. Please try again in a few minutes.</p>"
                  + "<p><a href=\"/\">Home</a></p></main></body></html>");
    }
  }
}
