package org.interlend.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.interlend.InterlendApplication;
import org.interlend.lending.lifecycle.Loans;
import org.interlend.lending.rules.LoanCalendar;
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
 * The loan API over HTTP on the app with its embedded engine: each test starts loan-lifecycle for a
 * loan of its own patron, checked out some days ago (real time: this context does no time travel).
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoanApiTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired Loans loans;
  @Autowired CamundaClient client;
  @Autowired org.interlend.workflows.engine.UserTasks userTasks;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  String patron;

  @BeforeEach
  void patron() {
    patron = "PL" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, ?, ?, 'UNDERGRADUATE', 'cityu')",
        patron,
        "Loan API Patron " + patron,
        patron.toLowerCase() + "@test.example");
  }

  /**
   * A loan of 15 days from {@code lender}, checked out {@code daysAgo} days ago, waiting in its
   * process.
   */
  private String loan(String lender, int daysAgo) {
    String id = requests.create("PHYSICAL", patron, "Loan API title " + patron).id();
    Instant checkoutAt = Instant.now().minus(Duration.ofDays(daysAgo));
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("loan-lifecycle")
            .latestVersion()
            .variables(
                Map.of(
                    "requestId", id,
                    "patronId", patron,
                    "lenderCode", lender,
                    "loanDays", 15,
                    "checkoutAt", checkoutAt.toString()))
            .send()
            .join()
            .getProcessInstanceKey();
    // the loan process stands in for the request's process (it is called from it in real use)
    requests.attachProcess(id, instance);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> requests.get(id).status() != RequestStatus.REQUESTED);
    return id;
  }

  @Test
  void aPatronRenewsInsideTheWindowAndIsToldWhyNotWhenTooEarly() throws Exception {
    String early = loan("hku", 1);
    HttpResponse<String> refused = post("/api/requests/" + early + "/renew", patron);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.path("reason").asText()).isEqualTo("OUTSIDE_WINDOW");
    assertThat(problem.path("detail").asText()).contains("too early to renew");

    String due = loan("hku", 10); // due on checkout + 15: the window opened on day 8
    var d0 = LoanCalendar.dateOf(Instant.now().minus(Duration.ofDays(10)));
    HttpResponse<String> granted = post("/api/requests/" + due + "/renew", patron);
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    JsonNode body = json.readTree(granted.body());
    assertThat(body.path("outcome").asText()).isEqualTo("RENEWED");
    assertThat(body.path("dueDate").asText()).isEqualTo(d0.plusDays(30).toString());
    assertThat(body.path("renewalsUsed").asInt()).isEqualTo(1);

    JsonNode view = json.readTree(get("/api/requests/" + due + "/loan", patron).body());
    assertThat(view.path("dueDate").asText()).isEqualTo(d0.plusDays(30).toString());
    assertThat(view.path("renewals")).hasSize(1);
  }

  @Test
  void onlyTheBorrowerRenewsAndOnlyTheLenderRecalls() throws Exception {
    String id = loan("hku", 3);

    assertThat(post("/api/requests/" + id + "/renew", "P1002").statusCode()).isEqualTo(404);
    assertThat(post("/api/requests/R-does-not-exist/renew", patron).statusCode()).isEqualTo(404);
    assertThat(post("/api/staff/requests/" + id + "/recall", patron).statusCode()).isEqualTo(403);
    HttpResponse<String> notLender = post("/api/staff/requests/" + id + "/recall", "staff-cityu");
    assertThat(notLender.statusCode()).as(notLender.body()).isEqualTo(403);
    assertThat(loans.get(id).recalled()).isFalse();

    HttpResponse<String> recalled = post("/api/staff/requests/" + id + "/recall", "staff-hku");
    assertThat(recalled.statusCode()).as(recalled.body()).isEqualTo(200);
    var d0 = LoanCalendar.dateOf(Instant.now().minus(Duration.ofDays(3)));
    assertThat(json.readTree(recalled.body()).path("dueDate").asText())
        .isEqualTo(d0.plusDays(15).toString()); // a 15-day loan: the minimum use period keeps it

    HttpResponse<String> again = post("/api/staff/requests/" + id + "/recall", "staff-hku");
    assertThat(again.statusCode()).isEqualTo(409);

    HttpResponse<String> renew = post("/api/requests/" + id + "/renew", patron);
    assertThat(renew.statusCode()).isEqualTo(409);
    assertThat(json.readTree(renew.body()).path("reason").asText()).isEqualTo("RECALLED");
  }

  @Test
  void checkInAtTheCounterChargesTheOverdueFineWhichThePatronSees() throws Exception {
    String id = loan("hku", 20); // due checkout + 15: five days late today
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> requests.get(id).status() == RequestStatus.OVERDUE);

    // staff of a library the request does not involve do not even see it
    assertThat(post("/api/staff/requests/" + id + "/check-in", "staff-hkbu").statusCode())
        .isEqualTo(404);
    HttpResponse<String> checkedIn = post("/api/staff/requests/" + id + "/check-in", "staff-cityu");
    assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);
    JsonNode body = json.readTree(checkedIn.body());
    assertThat(body.path("outcome").asText()).isEqualTo("RETURNED");
    assertThat(body.path("fine").decimalValue()).isEqualByComparingTo("10.00");

    JsonNode fines = json.readTree(get("/api/fines", patron).body());
    assertThat(fines.path("total").decimalValue()).isEqualByComparingTo("10.00");
    assertThat(fines.path("entries")).hasSize(1);
    assertThat(fines.path("entries").get(0).path("kind").asText()).isEqualTo("OVERDUE");
    assertThat(json.readTree(get("/api/fines", "P1002").body()).path("entries").toString())
        .doesNotContain(id);

    assertThat(post("/api/staff/requests/" + id + "/check-in", "staff-cityu").statusCode())
        .isEqualTo(409);
    assertThat(post("/api/requests/" + id + "/renew", patron).statusCode()).isEqualTo(409);
    assertThat(get("/api/fines", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aReportedLossGivesTheLenderATaskThatChargesTheReplacement() throws Exception {
    String id = loan("cuhk", 2);
    assertThat(post("/api/staff/requests/" + id + "/lost", "staff-hkbu").statusCode())
        .isEqualTo(404);
    HttpResponse<String> reported = post("/api/staff/requests/" + id + "/lost", "staff-cityu");
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);

    var task =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    userTasks.open().stream()
                        .filter(t -> t.elementId().equals("recordLossOrDamage"))
                        .filter(
                            t ->
                                id.equals(
                                    userTasks
                                        .processVariables(t.processInstanceKey())
                                        .get("requestId")))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(task.candidateGroups()).containsExactly("staff-cuhk");
    userTasks.complete(task.key(), Map.of("lossKind", "LOST", "lossNote", "never came back"));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> requests.get(id).status() == RequestStatus.LOST);
    JsonNode fines = json.readTree(get("/api/fines", patron).body());
    assertThat(fines.path("entries").toString()).contains("REPLACEMENT");
    assertThat(post("/api/staff/requests/" + id + "/lost", "staff-cityu").statusCode())
        .isEqualTo(409);
  }

  private HttpResponse<String> post(String path, String user) throws Exception {
    return http.send(
        request(path, user).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (user != null) {
      String auth =
          Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
      b.header("Authorization", "Basic " + auth);
    }
    return b;
  }
}
