package org.interlend.app.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the REST API as RFC 7807 problem details ({@code application/problem+json}). Invalid
 * input is a 400 whose {@code errors} list names each field and what is wrong with it, e.g.
 *
 * <pre>
 * {"type":"about:blank","title":"Invalid input","status":400,
 *  "detail":"q: enter a title, author, ISBN or ISSN",
 *  "errors":[{"field":"q","message":"enter a title, author, ISBN or ISSN"}]}
 * </pre>
 *
 * Controllers report business refusals by throwing {@link ErrorResponseException} or {@code
 * ResponseStatusException} (404, 409, 422) with a clear reason, or {@link #invalid} for input that
 * fails a rule no annotation expresses.
 */
@RestControllerAdvice(basePackages = "org.interlend.app.api")
public class ApiErrors extends ResponseEntityExceptionHandler {

  /** One invalid field (or parameter) and the message for it. */
  public record FieldProblem(String field, String message) {}

  /** A 400 problem for input that breaks a rule, with the same shape as annotation validation. */
  public static ErrorResponseException invalid(String field, String message) {
    return new ErrorResponseException(
        HttpStatus.BAD_REQUEST, invalidInput(List.of(new FieldProblem(field, message))), null);
  }

  /** A problem with a status and a message (404 not found, 409 conflict, 422 refused). */
  public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return new ErrorResponseException(status, problem, null);
  }

  static ProblemDetail invalidInput(List<FieldProblem> problems) {
    List<FieldProblem> sorted =
        problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            sorted.stream()
                .map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; ")));
    problem.setTitle("Invalid input");
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", sorted);
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError e : ex.getBindingResult().getFieldErrors()) {
      problems.add(new FieldProblem(e.getField(), message(e, e.getField(), e.getRejectedValue())));
    }
    ex.getBindingResult()
        .getGlobalErrors()
        .forEach(e -> problems.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
    return handleExceptionInternal(
        ex, invalidInput(problems), headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      String name = result.getMethodParameter().getParameterName();
      for (MessageSourceResolvable e : result.getResolvableErrors()) {
        if (e instanceof FieldError fe) {
          problems.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
        } else {
          problems.add(new FieldProblem(name == null ? "parameter" : name, e.getDefaultMessage()));
        }
      }
    }
    if (ex.getStatusCode().is5xxServerError()) { // a return value failed validation: our bug
      return super.handleHandlerMethodValidationException(ex, headers, status, request);
    }
    return handleExceptionInternal(
        ex, invalidInput(problems), headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
    String type =
        ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName().toLowerCase();
    return handleExceptionInternal(
        ex,
        invalidInput(
            List.of(new FieldProblem(field, "\"" + ex.getValue() + "\" is not a valid " + type))),
        headers,
        HttpStatus.BAD_REQUEST,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // a field the body may not have, or a value of the wrong type: name the field
    if (ex.getMostSpecificCause()
        instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
      return handleExceptionInternal(
          ex,
          invalidInput(List.of(new FieldProblem(path(u), "is not a field of this request"))),
          headers,
          HttpStatus.BAD_REQUEST,
          request);
    }
    if (ex.getMostSpecificCause()
            instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m
        && !m.getPath().isEmpty()) {
      String type =
          m.getTargetType() == null ? "value" : m.getTargetType().getSimpleName().toLowerCase();
      return handleExceptionInternal(
          ex,
          invalidInput(
              List.of(
                  new FieldProblem(
                      path(m), "must be a " + type + " (JSON " + jsonType(type) + ")"))),
          headers,
          HttpStatus.BAD_REQUEST,
          request);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request body is missing or is not JSON of the expected shape"
                + (ex.getMostSpecificCause()
                        instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? ": " + j.getOriginalMessage()
                    : "."));
    problem.setTitle("Unreadable request body");
    return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.isEmpty() ? "body" : b.toString();
  }

  private static String jsonType(String javaType) {
    return switch (javaType) {
      case "boolean" -> "true or false, without quotes";
      case "integer", "int", "long", "short" -> "a whole number, without quotes";
      case "double", "float", "bigdecimal" -> "a number, without quotes";
      case "string" -> "text in quotes";
      default -> "of the documented shape";
    };
  }

  /** A malformed idempotency key, or one another user sent. */
  @ExceptionHandler(org.interlend.requests.Submissions.BadKeyException.class)
  public ResponseEntity<ProblemDetail> badIdempotencyKey(
      org.interlend.requests.Submissions.BadKeyException ex) {
    return ResponseEntity.badRequest()
        .body(invalidInput(List.of(new FieldProblem(Idempotency.HEADER, ex.getMessage()))));
  }

  /** Bean Validation on a service method ({@code @Validated} beans) called from a controller. */
  @ExceptionHandler(ConstraintViolationException.class)
  public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
    List<FieldProblem> problems = new ArrayList<>();
    for (ConstraintViolation<?> v : ex.getConstraintViolations()) {
      String path = v.getPropertyPath().toString();
      problems.add(new FieldProblem(path.substring(path.lastIndexOf('.') + 1), v.getMessage()));
    }
    return ResponseEntity.badRequest().body(invalidInput(problems));
  }

  private static String message(FieldError e, String field, Object rejected) {
    if (e.isBindingFailure()) {
      return "\"" + rejected + "\" is not a valid value";
    }
    return e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage();
  }
}
