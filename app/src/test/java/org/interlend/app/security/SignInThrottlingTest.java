package org.interlend.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.TestPatrons;
import org.interlend.app.portal.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Password guessing over HTTP: after five wrong passwords the account is refused for a while, on
 * the API (429, before the password is checked, even the right one) and on the sign-in form (a
 * message saying why and how long). Security headers on every answer.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInThrottlingTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignInThrottle throttle;

  @AfterEach
  void forget() {
    throttle.reset(); // the app is shared with other tests signing in from this address
  }

  @Test
  void fiveWrongPasswordsOnTheApiLockTheAccountEvenForTheRightOne() throws Exception {
    String patron = TestPatrons.create(jdbc, "UNDERGRADUATE");
    WebSession client = new WebSession(port);
    for (int i = 0; i < 5; i++) {
      assertThat(client.apiAs("GET", "/api/requests", patron, "wrong-" + i).statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> locked = client.apiAs("GET", "/api/requests", patron, "demo");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(locked.body())
        .contains("Too many wrong passwords for this account")
        .contains("a minute");
    // other accounts are not affected
    assertThat(
            client
                .api("GET", "/api/requests", TestPatrons.create(jdbc, "UNDERGRADUATE"), null)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void theSignInFormSaysWhyAndForHowLong() throws Exception {
    String patron = TestPatrons.create(jdbc, "UNDERGRADUATE");
    WebSession web = new WebSession(port);
    web.page("/login");
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong =
          web.post("/login", Map.of("username", patron, "password", "wrong"));
      assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
      web.page("/login");
    }
    HttpResponse<String> refused =
        web.post("/login", Map.of("username", patron, "password", "demo"));
    assertThat(refused.headers().firstValue("Location").orElse("")).endsWith("/login?locked");
    assertThat(web.page("/login?locked")).contains("Too many wrong passwords for this account");
  }

  @Test
  void pagesAndTheApiSendContentSecurityAndReferrerPolicies() throws Exception {
    WebSession web = new WebSession(port);
    for (HttpResponse<String> answer :
        new HttpResponse[] {web.get("/login"), web.api("GET", "/api/requests", null, null)}) {
      assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
          .contains("default-src 'self'")
          .contains("script-src 'self'")
          .contains("frame-ancestors 'none'");
      assertThat(answer.headers().firstValue("Referrer-Policy"))
          .hasValue("strict-origin-when-cross-origin");
    }
  }
}
