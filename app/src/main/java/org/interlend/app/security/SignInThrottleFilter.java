package org.interlend.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in the {@link SignInThrottle} holds back before any password is checked: the
 * sign-in form (back to the page, which says why and for how long) and HTTP Basic on the API (429
 * with a problem detail and Retry-After).
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

  static final String REFUSAL = "interlend.signInRefusal";

  private final SignInThrottle throttle;

  SignInThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getMethod().equals("POST") && path.equals("/login")) {
      Optional<String> refused =
          throttle.refusal(request.getParameter("username"), request.getRemoteAddr());
      if (refused.isPresent()) {
        request.getSession(true).setAttribute(REFUSAL, refused.get());
        response.sendRedirect(request.getContextPath() + "/login?locked");
        return;
      }
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      Optional<String> refused =
          throttle.refusal(basicUser(authorization), request.getRemoteAddr());
      if (refused.isPresent()) {
        response.setStatus(429);
        response.setHeader("Retry-After", "60");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response
            .getWriter()
            .write(
                "{\"type\":\"about:blank\",\"title\":\"Too many failed sign-ins\",\"status\":429,\"detail\":\""
                    + refused.get().replace("\"", "'")
                    + "\"}");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static String basicUser(String header) {
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
