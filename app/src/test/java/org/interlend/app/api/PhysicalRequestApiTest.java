package org.interlend.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.WebSession;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.engine.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The physical request API over HTTP, on the app with its embedded engine. */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhysicalRequestApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired UserTasks userTasks;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  String patron;
  long title;

  @BeforeEach
  void data() {
    patron = "PT" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, ?, ?, 'UNDERGRADUATE', 'cityu')",
        patron,
        "API Patron " + patron,
        patron.toLowerCase() + "@test.example");
    title =
        jdbc.queryForObject(
            "insert into bib (title, author) values (?, 'Test, Author') returning id",
            Long.class,
            "API title " + patron);
    jdbc.update(
        "insert into item (bib_id, library_code, barcode, format, collection, status)"
            + " values (?, 'hku', ?, 'BOOK', 'GENERAL', 'AVAILABLE')",
        title,
        "API" + patron);
  }

  private int requestCount() {
    return jdbc.queryForObject(
        "select count(*) from request where patron_id = ?", Integer.class, patron);
  }

  @Test
  void aPatronPlacesARequestAndCancelsItWhileRequested() throws Exception {
    HttpResponse<String> placed =
        post("/api/physical-requests", patron, "{\"bibId\": " + title + "}");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode body = json.readTree(placed.body());
    String id = body.path("id").asText();
    assertThat(placed.headers().firstValue("Location")).contains("/api/requests/" + id);
    assertThat(body.path("status").asText()).isEqualTo("REQUESTED");
    assertThat(body.path("patronId").asText()).isEqualTo(patron);
    long instance = requests.get(id).processInstanceKey();

    awaitPullAndShip(instance);
    HttpResponse<String> cancelled = post("/api/physical-requests/" + id + "/cancel", patron, "");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(json.readTree(cancelled.body()).path("status").asText()).isEqualTo("CANCELLED");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> userTasks.open().stream().noneMatch(t -> t.processInstanceKey() == instance));

    HttpResponse<String> again = post("/api/physical-requests/" + id + "/cancel", patron, "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json.readTree(again.body()).path("detail").asText()).contains("already CANCELLED");
  }

  @Test
  void aCancelAfterTheLenderShippedIsRefusedWith409() throws Exception {
    String id =
        json.readTree(post("/api/physical-requests", patron, "{\"bibId\": " + title + "}").body())
            .path("id")
            .asText();
    long instance = requests.get(id).processInstanceKey();
    var task = awaitPullAndShip(instance);
    userTasks.complete(task.key(), Map.of("pullOutcome", "SHIPPED"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> requests.get(id).status() == RequestStatus.TRANSFERRED);

    HttpResponse<String> refused = post("/api/physical-requests/" + id + "/cancel", patron, "");

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
    assertThat(json.readTree(refused.body()).path("detail").asText())
        .contains("can no longer be cancelled")
        .contains("already shipped");
    assertThat(requests.get(id).status()).isEqualTo(RequestStatus.TRANSFERRED);
  }

  @Test
  void anotherPatronCannotCancelMyRequest() throws Exception {
    String id =
        json.readTree(post("/api/physical-requests", patron, "{\"bibId\": " + title + "}").body())
            .path("id")
            .asText();
    HttpResponse<String> other = post("/api/physical-requests/" + id + "/cancel", "P1004", "");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(requests.get(id).status()).isEqualTo(RequestStatus.REQUESTED);
  }

  @Test
  void staffPlaceARequestForAPatron() throws Exception {
    HttpResponse<String> placed =
        post(
            "/api/physical-requests",
            "staff-cityu",
            "{\"bibId\": " + title + ", \"patronId\": \"" + patron + "\"}");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    assertThat(json.readTree(placed.body()).path("patronId").asText()).isEqualTo(patron);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                                  | 400 | bibId: is required",
        "{\"bibId\": \"three\"}              | 400 | bibId: must be a whole number",
        "{\"bibId\": 2.5}                    | 400 | bibId: must be a whole number",
        "{\"bibId\": -4}                     | 400 | bibId: must be positive",
        "{\"bibId\": 1, \"colour\": \"red\"} | 400 | colour: is not a field",
        "[1, 2]                              | 400 | body: must be a JSON object",
        "{\"bibId\": 1, \"patronId\": 7}     | 400 | patronId: must be a library card number",
        "not json                            | 400 | not JSON",
        "{\"bibId\": 987654321}              | 422 | No title 987654321 in the union catalogue",
        "{\"bibId\": 1, \"patronId\": \"P1004\"} | 403 | only for themselves"
      })
  void badInputIsRefusedClearlyAndStartsNothing(String body, int status, String message)
      throws Exception {
    HttpResponse<String> response = post("/api/physical-requests", patron, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(json.readTree(response.body()).path("detail").asText()).contains(message);
    assertThat(requestCount()).isZero();
  }

  @Test
  void staffNamingAnUnknownPatronGet422AndNothingStarts() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/physical-requests",
            "staff-cityu",
            "{\"bibId\": " + title + ", \"patronId\": \"P9999999\"}");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json.readTree(response.body()).path("detail").asText())
        .isEqualTo("No patron with library card P9999999.");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from request where patron_id = 'P9999999'", Integer.class))
        .isZero();
  }

  @Test
  void cancellingAnUnknownRequestIs404AndSignedOutIs401() throws Exception {
    assertThat(post("/api/physical-requests/R-0/cancel", patron, "").statusCode()).isEqualTo(404);
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/physical-requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"bibId\": " + title + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(requestCount()).isZero();
  }

  private UserTasks.OpenTask awaitPullAndShip(long instance) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                userTasks.open().stream()
                    .filter(
                        t ->
                            t.processInstanceKey() == instance
                                && t.elementId().equals("hkallPullAndShip"))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private HttpResponse<String> post(String path, String user, String body) throws Exception {
    return new WebSession(port).api("POST", path, user, body);
  }
}
