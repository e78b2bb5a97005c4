package org.interlend.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.WebSession;
import org.interlend.overseas.Charges;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The overseas request API and charge answers over HTTP, on the app with its embedded engine. */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OverseasRequestApiTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired UserTasks userTasks;
  @Autowired Charges charges;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  String patron;

  @BeforeEach
  void data() {
    patron = newPatron("POSTGRADUATE");
  }

  private String newPatron(String category) {
    String id = "PO" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, ?, ?, ?, 'cityu')",
        id,
        "Overseas API Patron " + id,
        id.toLowerCase() + "@overseas-api.test",
        category);
    return id;
  }

  private int requestCount() {
    return jdbc.queryForObject(
        "select count(*) from request where patron_id = ?", Integer.class, patron);
  }

  @Test
  void aPatronPlacesAnOverseasRequestThatStaffThenSource() throws Exception {
    HttpResponse<String> placed =
        post(
            "/api/overseas-requests",
            patron,
            """
            {"type": "BOOK", "title": "Annals of the Qing Customs", "author": "Hart, R.",
             "isbn": "978-0-00-000000-2", "year": 1908, "purpose": "TEACHING_RESEARCH"}
            """);
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode body = json.readTree(placed.body());
    String id = body.path("id").asText();
    assertThat(placed.headers().firstValue("Location")).contains("/api/requests/" + id);
    assertThat(body.path("status").asText()).isEqualTo("REQUESTED");
    assertThat(requests.get(id).kind()).isEqualTo("OVERSEAS");

    OpenTask sourcing = awaitTask(requests.get(id).processInstanceKey(), "sourceFromPartner");
    assertThat(sourcing.candidateGroups()).containsExactly("staff-cityu");
    assertThat(
            jdbc.queryForObject(
                "select isbn from overseas_request where request_id = ?", String.class, id))
        .isEqualTo("9780000000002");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": \"No type\", \"purpose\": \"PERSONAL\"}",
        "{\"type\": \"MAP\", \"title\": \"Bad type\", \"purpose\": \"PERSONAL\"}",
        "{\"type\": \"BOOK\", \"title\": \"No purpose\"}",
        "{\"type\": \"BOOK\", \"title\": \"Bad purpose\", \"purpose\": \"FUN\"}",
        "{\"type\": \"COPY\", \"title\": \"Journal\", \"purpose\": \"PERSONAL\"}",
        "{\"type\": \"COPY\", \"title\": \"Journal\", \"articleTitle\": \"A\", \"issn\": \"1234-5679\", \"volume\": \"3\", \"pages\": \"1-9\", \"purpose\": \"PERSONAL\"}",
        "{\"type\": \"COPY\", \"title\": \"Book\", \"articleTitle\": \"Ch 2\", \"pages\": \"10-40\", \"purpose\": \"PERSONAL\", \"declaration\": {\"researchOrPrivateStudy\": true, \"notSuppliedBefore\": true, \"notRelatedToOtherPerson\": true, \"noRedistribution\": true}}",
        "{\"type\": \"BOOK\", \"title\": \"Bad ISBN\", \"isbn\": \"12\", \"purpose\": \"PERSONAL\"}",
        "{\"type\": \"BOOK\", \"title\": \"Bad year\", \"year\": \"old\", \"purpose\": \"PERSONAL\"}",
        "{\"type\": \"BOOK\", \"title\": \"Extra\", \"purpose\": \"PERSONAL\", \"price\": 3}",
        "[1, 2]"
      })
  void badInputIsA400AndCreatesNothing(String body) throws Exception {
    HttpResponse<String> response = post("/api/overseas-requests", patron, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
    assertThat(json.readTree(response.body()).path("detail").asText()).isNotBlank();
    assertThat(requestCount()).isZero();
  }

  @Test
  void answeringWhenNoChargeIsPendingIsA409() throws Exception {
    String id = placeBook("PERSONAL");
    HttpResponse<String> answer =
        post("/api/requests/" + id + "/charge", patron, "{\"accept\": true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
    assertThat(json.readTree(answer.body()).path("detail").asText()).contains("no charge waiting");
  }

  @Test
  void aPatronAcceptsTheOfferedChargeAndTheRequestProceeds() throws Exception {
    String id = placeBook("PERSONAL");
    long instance = requests.get(id).processInstanceKey();
    OpenTask sourcing = awaitTask(instance, "sourceFromPartner");
    userTasks.complete(
        sourcing.key(),
        Map.of(
            "sourcingResult",
            "FOUND",
            "partnerCode",
            "oclc",
            "estimatedCost",
            40,
            "currency",
            "USD",
            "deliveryEstimate",
            "5 weeks",
            "format",
            "PHYSICAL"));
    await().atMost(WAIT).until(() -> requests.get(id).status() == RequestStatus.AWAITING_PATRON);

    HttpResponse<String> bad =
        post("/api/requests/" + id + "/charge", patron, "{\"accept\": \"yes\"}");
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    String other = newPatron("ACADEMIC");
    HttpResponse<String> notTheirs =
        post("/api/requests/" + id + "/charge", other, "{\"accept\": false}");
    assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(404);

    HttpResponse<String> answer =
        post("/api/requests/" + id + "/charge", patron, "{\"accept\": true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    assertThat(json.readTree(answer.body()).path("amountHkd").decimalValue())
        .isEqualByComparingTo("312.00");

    awaitTask(instance, "placeOverseasOrder");
    assertThat(charges.forRequest(id))
        .singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(Charges.Status.ACCEPTED));
    HttpResponse<String> again =
        post("/api/requests/" + id + "/charge", patron, "{\"accept\": false}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
  }

  @Test
  void aPatronCancelsWhileTheChargeAwaitsTheirAnswer() throws Exception {
    String id = placeBook("PERSONAL");
    long instance = requests.get(id).processInstanceKey();
    userTasks.complete(
        awaitTask(instance, "sourceFromPartner").key(),
        Map.of(
            "sourcingResult",
            "FOUND",
            "partnerCode",
            "oclc",
            "estimatedCost",
            40,
            "currency",
            "USD",
            "deliveryEstimate",
            "5 weeks",
            "format",
            "PHYSICAL"));
    await().atMost(WAIT).until(() -> requests.get(id).status() == RequestStatus.AWAITING_PATRON);
    await().atMost(WAIT).until(() -> charges.openOffer(id).isPresent());

    HttpResponse<String> cancelled = post("/api/overseas-requests/" + id + "/cancel", patron, "");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(json.readTree(cancelled.body()).path("status").asText()).isEqualTo("CANCELLED");
    assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CANCELLED);
    await()
        .atMost(WAIT)
        .until(
            () ->
                charges.forRequest(id).stream()
                    .allMatch(c -> c.status() == Charges.Status.DECLINED));

    HttpResponse<String> again = post("/api/overseas-requests/" + id + "/cancel", patron, "");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(json.readTree(again.body()).path("detail").asText()).contains("already CANCELLED");
  }

  @Test
  void aCancelAfterTheOrderIsA409AndAnotherPatronsOrAnUnknownRequestIsA404() throws Exception {
    String id = placeBook("TEACHING_RESEARCH");
    long instance = requests.get(id).processInstanceKey();

    String other = newPatron("ACADEMIC");
    HttpResponse<String> notTheirs = post("/api/overseas-requests/" + id + "/cancel", other, "");
    assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(404);
    HttpResponse<String> unknown = post("/api/overseas-requests/R-0/cancel", patron, "");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));

    userTasks.complete(
        awaitTask(instance, "sourceFromPartner").key(),
        Map.of(
            "sourcingResult",
            "FOUND",
            "partnerCode",
            "oclc",
            "estimatedCost",
            20,
            "currency",
            "USD",
            "deliveryEstimate",
            "5 weeks",
            "format",
            "PHYSICAL"));
    userTasks.complete(
        awaitTask(instance, "placeOverseasOrder").key(), Map.of("orderReference", "API-1"));
    await().atMost(WAIT).until(() -> requests.get(id).status() == RequestStatus.ORDERED);

    HttpResponse<String> refused = post("/api/overseas-requests/" + id + "/cancel", patron, "");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(json.readTree(refused.body()).path("detail").asText())
        .contains("already placed the order", "charges may apply");
    assertThat(requests.get(id).status()).isEqualTo(RequestStatus.ORDERED);
  }

  private String placeBook(String purpose) throws Exception {
    HttpResponse<String> placed =
        post(
            "/api/overseas-requests",
            patron,
            "{\"type\": \"BOOK\", \"title\": \"Treaty Ports Gazette\", \"purpose\": \""
                + purpose
                + "\"}");
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    return json.readTree(placed.body()).path("id").asText();
  }

  private OpenTask awaitTask(long instance, String elementId) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                userTasks.open().stream()
                    .filter(
                        t -> t.processInstanceKey() == instance && t.elementId().equals(elementId))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private HttpResponse<String> post(String path, String user, String body) throws Exception {
    return new WebSession(port).api("POST", path, user, body);
  }
}
