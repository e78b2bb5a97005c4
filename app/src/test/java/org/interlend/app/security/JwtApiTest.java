package org.interlend.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.TestPatrons;
import org.interlend.requests.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * API clients in production present OIDC access tokens: the API maps them to patrons and staff by
 * the same claims as the sign-in, and refuses tokens it cannot trust or place.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JwtApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aPatronsAccessTokenListsThatPatronsRequestsOnly() throws Exception {
    String patron = TestPatrons.create(jdbc, "POSTGRADUATE");
    String mine = requests.create("PHYSICAL", patron, "Token title").id();
    String other =
        requests.create("PHYSICAL", TestPatrons.create(jdbc, "POSTGRADUATE"), "Not mine").id();

    HttpResponse<String> list = get("/api/requests", token(claims(patron, List.of())));
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(mine).doesNotContain(other);
    assertThat(get("/api/requests/" + other, token(claims(patron, List.of()))).statusCode())
        .isIn(403, 404);
  }

  @Test
  void staffGroupsInTheTokenGiveTheStaffRole() throws Exception {
    String patron = TestPatrons.create(jdbc, "POSTGRADUATE");
    String id = requests.create("PHYSICAL", patron, "Recall me").id();
    // a staff token reaches the staff API (here: a recall of a request with no loan: 404, not
    // 401/403)
    int status =
        post(
            "/api/staff/requests/" + id + "/recall",
            token(claims("jdoe", List.of("/hku/staff-hku"))));
    assertThat(status).isEqualTo(404);
    // a patron token does not
    assertThat(post("/api/staff/requests/" + id + "/recall", token(claims(patron, List.of()))))
        .isEqualTo(403);
  }

  @Test
  void untrustedExpiredOrUnknownTokensAreRefused() throws Exception {
    String patron = TestPatrons.create(jdbc, "POSTGRADUATE");
    String good = token(claims(patron, List.of()));
    String tampered =
        good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertThat(get("/api/requests", tampered).statusCode()).isEqualTo(401);

    JWTClaimsSet expired =
        new JWTClaimsSet.Builder(claims(patron, List.of()))
            .expirationTime(Date.from(Instant.now().minusSeconds(600)))
            .build();
    assertThat(get("/api/requests", token(expired)).statusCode()).isEqualTo(401);

    assertThat(get("/api/requests", token(claims("NOBODY-" + patron, List.of()))).statusCode())
        .isEqualTo(401);
  }

  private static JWTClaimsSet claims(String username, List<String> groups) {
    return new JWTClaimsSet.Builder()
        .subject("sub-" + username)
        .issuer("https://idp.example")
        .claim("preferred_username", username)
        .claim("groups", groups)
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
        .build();
  }

  private static String token(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(privateKey()));
    return jwt.serialize();
  }

  private static RSAPrivateKey privateKey() throws Exception {
    String pem;
    try (var in = JwtApiTest.class.getResourceAsStream("/jwt/test-private.pem")) {
      pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return (RSAPrivateKey)
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private HttpResponse<String> get(String path, String bearer) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + bearer)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int post(String path, String bearer) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
