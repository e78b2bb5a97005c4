package org.interlend.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.WebSession;
import org.interlend.workflows.engine.EngineProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The app on its embedded defaults, as README's run command starts it. */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LocalRuntimeTest {

  @LocalServerPort int port;
  @Autowired EngineProjection projection;
  @Autowired org.interlend.workflows.engine.UserTasks userTasks;

  final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .cookieHandler(new java.net.CookieManager())
          .build();
  String csrf;

  @Test
  void healthReportsEngineStorageDatabaseAndMailUpToAdminsAndOnlyTheStatusToOthers()
      throws Exception {
    JsonNode anonymous = new ObjectMapper().readTree(get("/actuator/health").body());
    assertThat(anonymous.path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).isFalse();

    WebSession admin = new WebSession(port).signIn("admin");
    JsonNode health = new ObjectMapper().readTree(admin.get("/actuator/health").body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    for (String part : new String[] {"engine", "storage", "db", "mail"}) {
      assertThat(health.path("components").path(part).path("status").asText())
          .as(part)
          .isEqualTo("UP");
    }
  }

  @Test
  void staffDeskListsTheSmokeTaskAndCompletingItFinishesTheInstance() throws Exception {
    signIn("admin", "demo");
    HttpResponse<String> started = post("/desk/smoke", "recipient=desk%40cityu.example");
    signIn("staff-cityu", "demo");
    assertThat(started.statusCode()).isEqualTo(302);

    String taskPath =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> firstTaskLink(get("/desk").body()), p -> p != null);
    String taskPage = get(taskPath).body();
    // the page carries the task's Camunda Form for form-js, which renders and validates it
    assertThat(taskPage)
        .contains("Confirm smoke check")
        .contains("\"id\": \"confirmSmoke\"")
        .contains("/form-js/form-viewer.umd.js");
    long key = Long.parseLong(taskPath.substring(taskPath.lastIndexOf('/') + 1));
    long instance = userTasks.find(key).orElseThrow().processInstanceKey();

    // only the form's own fields reach the process
    HttpResponse<String> done =
        postJson(
            taskPath,
            "{\"variables\":{\"note\":\"checked at the desk\",\"recipient\":\"evil@example\"}}");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("\"redirect\":\"/desk\"");
    await().atMost(Duration.ofSeconds(20)).until(() -> projection.completed(instance));
    assertThat(projection.variables(instance))
        .containsEntry("note", "checked at the desk")
        .containsEntry("recipient", "desk@cityu.example");
    // completed a moment ago: gone from the list, and its page says so plainly
    assertThat(get("/desk").body()).doesNotContain(taskPath + "\"");
    HttpResponse<String> again = get(taskPath);
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("Task no longer open");
    assertThat(postJson(taskPath, "{\"variables\":{\"note\":\"twice\"}}").statusCode())
        .isEqualTo(409);
    assertThat(get("/desk/mail").statusCode()).as("all mail is for administrators").isEqualTo(403);
    signIn("admin", "demo");
    assertThat(get("/desk/mail").body()).contains("Interlend smoke check " + instance);
  }

  @Test
  void staffSeeAndCompleteOnlyTheTasksOfTheirOwnGroups() throws Exception {
    signIn("admin", "demo");
    post("/desk/smoke", "recipient=desk%40cityu.example");
    var task =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    userTasks.open().stream()
                        .filter(t -> t.elementId().equals("confirmSmoke"))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();

    signIn("staff-hku", "demo");
    assertThat(get("/desk").body()).doesNotContain("/desk/tasks/" + task.key() + "\"");
    assertThat(get("/desk/tasks/" + task.key()).statusCode()).isEqualTo(403);
    assertThat(
            postJson("/desk/tasks/" + task.key(), "{\"variables\":{\"note\":\"not mine\"}}")
                .statusCode())
        .isEqualTo(403);
    assertThat(post("/desk/tasks/" + task.key() + "/claim", "").statusCode()).isEqualTo(403);
    assertThat(userTasks.find(task.key())).isPresent();
  }

  @Test
  void staffClaimAndUnclaimATaskAndCannotCompleteOneSomeoneElseHolds() throws Exception {
    signIn("admin", "demo");
    post("/desk/smoke", "recipient=desk%40cityu.example");
    var task =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    userTasks.open().stream()
                        .filter(t -> t.elementId().equals("confirmSmoke") && t.assignee() == null)
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    String path = "/desk/tasks/" + task.key();

    signIn("staff-cityu", "demo");
    assertThat(post(path + "/claim", "").statusCode()).isEqualTo(302);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "staff-cityu".equals(userTasks.find(task.key()).orElseThrow().assignee()));
    assertThat(get(path).body()).contains("assigned to you").contains(">Unassign<");
    assertThat(post(path + "/unclaim", "").statusCode()).isEqualTo(302);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> userTasks.find(task.key()).orElseThrow().assignee() == null);

    // held by someone else (as Tasklist would show it): the desk refuses to complete it
    userTasks.claim(task.key(), "another-librarian");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> userTasks.find(task.key()).orElseThrow().assignee() != null);
    HttpResponse<String> refused = postJson(path, "{\"variables\":{\"note\":\"mine now\"}}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("assigned to another-librarian");
    assertThat(userTasks.find(task.key())).isPresent();
  }

  @Test
  void theStaffDeskNeedsAStaffSignIn() throws Exception {
    HttpResponse<String> anonymous = get("/desk");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
  }

  private void signIn(String user, String password) throws Exception {
    String page = get("/login").body();
    csrf = between(page, "name=\"_csrf\" type=\"hidden\" value=\"", "\"");
    HttpResponse<String> login = post("/login", "username=" + user + "&password=" + password);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    csrf = between(get("/desk").body(), "name=\"_csrf\" value=\"", "\"");
  }

  private static String firstTaskLink(String page) {
    // other tests share the engine and leave tasks of their own open: pick the smoke check's
    Matcher m = Pattern.compile("href=\"(/desk/tasks/\\d+)\">Confirm smoke check<").matcher(page);
    return m.find() ? m.group(1) : null;
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start) + start.length();
    return s.substring(i, s.indexOf(end, i));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", csrf)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(csrf == null ? form : form + "&_csrf=" + csrf))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
