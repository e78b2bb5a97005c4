package org.interlend.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.TestPatrons;
import org.interlend.app.portal.WebSession;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may see and do what: patrons see only their own requests, pages need a sign-in, the API
 * answers 401 without credentials, forms need their CSRF token, staff pages need a staff role.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;

  final ObjectMapper json = new ObjectMapper();
  String patronA;
  String patronB;
  Request requestOfB;

  @BeforeEach
  void twoPatrons() {
    patronA = TestPatrons.create(jdbc, "UNDERGRADUATE");
    patronB = TestPatrons.create(jdbc, "POSTGRADUATE");
    requestOfB = requests.create("PHYSICAL", patronB, "A title only B asked for");
  }

  @Test
  void pagesSendAnonymousUsersToTheSignInPage() throws Exception {
    WebSession anonymous = new WebSession(port);
    for (String path :
        new String[] {
          "/",
          "/portal",
          "/portal/search?q=hong",
          "/portal/requests",
          "/portal/requests/" + requestOfB.id(),
          "/desk"
        }) {
      HttpResponse<String> response = anonymous.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
    }
    assertThat(anonymous.page("/login"))
        .contains("<html lang=\"en\"")
        .contains("name=\"username\"");
  }

  @Test
  void theApiAnswers401WithoutOrWithWrongCredentials() throws Exception {
    WebSession client = new WebSession(port);
    assertThat(client.api("GET", "/api/requests", null, null).statusCode()).isEqualTo(401);
    assertThat(client.api("GET", "/api/catalogue?q=hong", null, null).statusCode()).isEqualTo(401);
    assertThat(client.api("GET", "/api/requests/" + requestOfB.id(), null, null).statusCode())
        .isEqualTo(401);
    assertThat(client.api("GET", "/api/requests", "nobody-" + patronA, null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aPatronSeesOnlyTheirOwnRequestsInTheApi() throws Exception {
    WebSession client = new WebSession(port);
    Request ofA = requests.create("PHYSICAL", patronA, "A title A asked for");

    JsonNode listOfA = json.readTree(client.api("GET", "/api/requests", patronA, null).body());
    assertThat(listOfA.findValuesAsText("id")).containsExactly(ofA.id());

    HttpResponse<String> foreign =
        client.api("GET", "/api/requests/" + requestOfB.id(), patronA, null);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    assertThat(json.readTree(foreign.body()).path("detail").asText())
        .isEqualTo("No request " + requestOfB.id() + ".");
    // the same answer as for a request that does not exist: ids cannot be probed
    assertThat(client.api("GET", "/api/requests/R-999999999", patronA, null).statusCode())
        .isEqualTo(404);

    JsonNode own =
        json.readTree(client.api("GET", "/api/requests/" + requestOfB.id(), patronB, null).body());
    assertThat(own.path("title").asText()).isEqualTo("A title only B asked for");
    assertThat(own.path("history").get(0).path("status").asText()).isEqualTo("REQUESTED");
  }

  @Test
  void aPatronCannotCancelRenewDownloadOrAnswerAChargeOfAnotherPatron() throws Exception {
    WebSession a = new WebSession(port).signIn(patronA);
    a.page("/portal/requests");
    String id = requestOfB.id();
    for (String action : new String[] {"cancel", "renew", "download", "charge"}) {
      HttpResponse<String> page =
          a.post("/portal/requests/" + id + "/" + action, Map.of("answer", "ACCEPT"));
      assertThat(page.statusCode()).as("portal " + action).isIn(403, 404);
    }
    WebSession client = new WebSession(port);
    for (String[] call :
        new String[][] {
          {"POST", "/api/physical-requests/" + id + "/cancel"},
          {"POST", "/api/digital-requests/" + id + "/cancel"},
          {"GET", "/api/requests/" + id + "/loan"},
          {"POST", "/api/requests/" + id + "/renew"},
          {"GET", "/api/requests/" + id + "/download"},
          {"POST", "/api/requests/" + id + "/charge"}
        }) {
      HttpResponse<String> response =
          client.api(
              call[0], call[1], patronA, call[0].equals("POST") ? "{\"accept\":true}" : null);
      assertThat(response.statusCode()).as(call[0] + " " + call[1]).isIn(403, 404);
    }
    // and nothing happened to B's request
    assertThat(requests.get(id).status()).isEqualTo(RequestStatus.REQUESTED);
    assertThat(requests.history(id)).hasSize(1);
    assertThat(a.get("/portal/requests/" + id).statusCode()).isEqualTo(404);
    assertThat(a.page("/portal/requests")).doesNotContain(id);
  }

  @Test
  void formsNeedTheirCsrfToken() throws Exception {
    WebSession a = new WebSession(port).signIn(patronA);
    a.page("/portal");
    assertThat(a.postRaw("/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(a.postRaw("/portal/requests/" + requestOfB.id() + "/cancel", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(a.postRaw("/portal/titles/1/request", Map.of()).statusCode()).isEqualTo(403);
    assertThat(
            new WebSession(port)
                .postRaw("/login", Map.of("username", patronA, "password", "demo"))
                .statusCode())
        .isEqualTo(403);
    // still signed in: the refused sign-out did nothing
    assertThat(a.get("/portal").statusCode()).isEqualTo(200);

    WebSession staff = new WebSession(port).signIn("staff-hku");
    staff.page("/desk");
    assertThat(staff.postRaw("/desk/clock", Map.of("days", "0")).statusCode()).isEqualTo(403);
  }

  @Test
  void staffPagesNeedAStaffRoleAndThePortalAPatron() throws Exception {
    WebSession a = new WebSession(port).signIn(patronA);
    assertThat(a.get("/desk").statusCode()).isEqualTo(403);
    assertThat(a.get("/").headers().firstValue("Location").orElse("")).endsWith("/portal");

    WebSession staff = new WebSession(port).signIn("staff-cuhk");
    assertThat(staff.get("/portal").statusCode()).isEqualTo(403);
    assertThat(staff.get("/").headers().firstValue("Location").orElse("")).endsWith("/staff");
    assertThat(staff.get("/desk").statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefusedWithAMessage() throws Exception {
    WebSession s = new WebSession(port);
    s.page("/login");
    HttpResponse<String> login = s.post("/login", Map.of("username", patronA, "password", "wrong"));
    assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    assertThat(s.page("/login?error")).contains("The card number or password is wrong");
  }
}
