package org.interlend.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A sign-in that could not be checked (the database holding the users is down) is not a wrong
 * password: it gets 503 with the reason, never 401 or "bad credentials".
 */
final class SignInOutage {

  static final String MESSAGE =
      "Sign-in is not possible right now: the database is not reachable. Please try again in a few"
          + " minutes.";

  private SignInOutage() {}

  static boolean isOutage(AuthenticationException e) {
    return e instanceof InternalAuthenticationServiceException;
  }

  /** For the API: 503 problem details when the check failed, otherwise {@code otherwise}. */
  static AuthenticationEntryPoint entryPoint(AuthenticationEntryPoint otherwise) {
    return (request, response, e) -> {
      if (isOutage(e)) {
        problem(response);
      } else {
        otherwise.commence(request, response, e);
      }
    };
  }

  /** For the sign-in form: the error page with 503, or back to the form for a wrong password. */
  static AuthenticationFailureHandler formFailure() {
    SimpleUrlAuthenticationFailureHandler wrong =
        new SimpleUrlAuthenticationFailureHandler("/login?error");
    return (HttpServletRequest request,
        HttpServletResponse response,
        AuthenticationException e) -> {
      if (isOutage(e)) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "30");
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response
            .getWriter()
            .write(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Service unavailable"
                    + " · Interlend</title><link rel=\"stylesheet\" href=\"/interlend.css\"></head><body><main>"
                    + "<h1>Service unavailable</h1><p role=\"alert\">"
                    + MESSAGE
                    + "</p>"
                    + "<p><a href=\"/login\">Sign in</a></p></main></body></html>");
      } else {
        wrong.onAuthenticationFailure(request, response, e);
      }
    };
  }

  private static void problem(HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader("Retry-After", "30");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,\"detail\":\""
                + MESSAGE
                + "\"}");
  }
}
