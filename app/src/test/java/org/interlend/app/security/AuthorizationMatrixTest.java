package org.interlend.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.TestPatrons;
import org.interlend.app.portal.WebSession;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.storage.DocumentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every endpoint against every kind of user (docs/security.md has the same table in words): who may
 * see and do what to which request. A request R of patron A (home library CityU) on loan from HKU,
 * and a delivered digital copy D of A's scanned by HKUST. "ok" means the authorization let the call
 * through (the answer may still be 2xx, 409 for the request's state, 400 for input); 401, 403 and
 * 404 are refusals. The requests have no running process, so allowed actions change nothing.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuthorizationMatrixTest {

  static final int OK = 0;
  static final String[] ACTORS = {
    "anonymous", "patronA", "patronB", "staffHome", "staffLender", "staffOther", "manager", "admin"
  };

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired DocumentStore store;

  Map<String, String> users = new LinkedHashMap<>();
  String r;
  String d;
  long bib;

  @BeforeEach
  void data() {
    String a = TestPatrons.create(jdbc, "UNDERGRADUATE");
    String b = TestPatrons.create(jdbc, "UNDERGRADUATE");
    users.put("anonymous", null);
    users.put("patronA", a);
    users.put("patronB", b);
    users.put("staffHome", "staff-cityu");
    users.put("staffLender", "staff-hku");
    users.put("staffOther", "staff-polyu");
    users.put("manager", "manager");
    users.put("admin", "admin");

    bib =
        jdbc.queryForObject(
            "insert into bib (title, author) values ('Matrix title', 'Test') returning id",
            Long.class);
    Request loan = requests.create("PHYSICAL", a, "Matrix title");
    r = loan.id();
    requests.recordStatus(r, RequestStatus.ON_LOAN, "system", null, "matrix:" + r);
    jdbc.update(
        "insert into physical_loan (request_id, bib_id, home_library, lender_code) values (?, ?, 'cityu', 'hku')",
        r,
        bib);
    jdbc.update(
        "insert into loan (request_id, patron_id, lender_code, checkout_at, loan_days, due_date)"
            + " values (?, ?, 'hku', ?, 28, ?)",
        r,
        a,
        Timestamp.from(Instant.now()),
        Date.valueOf(LocalDate.now().plusDays(28)));

    Request copy = requests.create("DIGITAL", a, "Matrix chapter");
    d = copy.id();
    requests.recordStatus(d, RequestStatus.DELIVERED, "system", null, "matrix:" + d);
    jdbc.update(
        "insert into digital_request (request_id, kind, title, chapter, page_start, page_end, supplier)"
            + " values (?, 'CHAPTER', 'Matrix book', '1', 1, 10, 'hkust')",
        d);
    byte[] pdf = "%PDF-1.4 matrix".getBytes();
    String key = "deliveries/matrix-" + d + ".pdf";
    store.put(key, new java.io.ByteArrayInputStream(pdf), pdf.length, "application/pdf", Map.of());
    jdbc.update(
        "insert into digital_delivery (request_id, object_key, bytes, pages, published_at, available_until,"
            + " max_downloads) values (?, ?, ?, 10, now(), now() + interval '14 days', 1000)",
        d,
        key,
        pdf.length);
  }

  /** One endpoint and the answer each kind of user gets, in {@link #ACTORS} order. */
  record Row(String method, String path, String body, int[] expected) {}

  static int[] expect(int... perActor) {
    return perActor;
  }

  List<Row> apiRows() {
    String reason = "{\"reason\": \"checked in the matrix\"}";
    return List.of(
        //                                                                     anon A    B    home
        // lend other mgr  admin
        new Row("GET", "/api/requests/" + r, null, expect(401, OK, 404, OK, OK, 404, OK, OK)),
        new Row(
            "GET", "/api/requests/" + r + "/loan", null, expect(401, OK, 404, OK, OK, 404, OK, OK)),
        new Row(
            "POST",
            "/api/requests/" + r + "/renew",
            "",
            expect(401, OK, 404, 403, 403, 404, 403, 403)),
        new Row(
            "POST",
            "/api/staff/requests/" + r + "/recall",
            "",
            expect(401, 403, 403, 403, OK, 404, 403, 403)),
        new Row(
            "POST",
            "/api/staff/requests/" + r + "/check-in",
            "",
            expect(401, 403, 403, OK, OK, 404, 403, 403)),
        new Row(
            "POST",
            "/api/staff/requests/" + r + "/lost",
            "",
            expect(401, 403, 403, OK, OK, 404, 403, 403)),
        new Row(
            "POST",
            "/api/physical-requests/" + r + "/cancel",
            reason,
            expect(401, OK, 404, OK, OK, 404, 403, 403)),
        new Row(
            "POST",
            "/api/requests/" + r + "/charge",
            "{\"accept\": true}",
            expect(401, OK, 404, 403, 403, 404, 403, 403)),
        new Row(
            "POST",
            "/api/staff/requests/" + r + "/charge/decline",
            reason,
            expect(401, 403, 403, OK, 403, 404, 403, 403)),
        new Row(
            "GET", "/api/digital-requests/" + d, null, expect(401, OK, 404, OK, 404, 404, OK, OK)),
        new Row(
            "GET",
            "/api/requests/" + d + "/download",
            null,
            expect(401, OK, 404, 403, 404, 404, 403, 403)),
        new Row(
            "POST",
            "/api/digital-requests/" + d + "/cancel",
            reason,
            expect(401, OK, 404, OK, 404, 404, 403, 403)),
        new Row(
            "POST",
            "/api/physical-requests",
            "{\"bibId\": " + bib + ", \"patronId\": \"" + users.get("patronA") + "\"}",
            expect(401, OK, 403, OK, 403, 403, 403, 403)));
  }

  @Test
  void everyApiEndpointAnswersEachKindOfUserAsTheRulesSay() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Row row : apiRows()) {
      for (int i = 0; i < ACTORS.length; i++) {
        WebSession client = new WebSession(port);
        HttpResponse<String> answer =
            client.api(row.method(), row.path(), users.get(ACTORS[i]), row.body());
        check(wrong, row.method() + " " + row.path(), ACTORS[i], row.expected()[i], answer);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyPageAnswersEachKindOfUserAsTheRulesSay() throws Exception {
    record Page(String path, int[] expected) {}
    List<Page> pages =
        List.of(
            //                                                       anon A    B    home lend other
            // mgr  admin
            new Page("/portal/requests/" + r, expect(302, 200, 404, 403, 403, 403, 403, 403)),
            new Page("/portal/requests", expect(302, 200, 200, 403, 403, 403, 403, 403)),
            new Page("/desk", expect(302, 403, 403, 200, 200, 200, 200, 200)),
            new Page("/desk/mail", expect(302, 403, 403, 403, 403, 403, 403, 200)),
            new Page("/actuator/health", expect(200, 200, 200, 200, 200, 200, 200, 200)));
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < ACTORS.length; i++) {
      WebSession session = new WebSession(port);
      if (users.get(ACTORS[i]) != null) {
        session.signIn(users.get(ACTORS[i]));
      }
      for (Page page : pages) {
        HttpResponse<String> answer = session.get(page.path());
        check(wrong, "GET " + page.path(), ACTORS[i], page.expected()[i], answer);
        if (page.path().equals("/actuator/health")
            && answer.body().contains("\"components\"") != ACTORS[i].equals("admin")) {
          wrong.add("GET /actuator/health as " + ACTORS[i] + ": details shown to the wrong user");
        }
      }
      // the engine clock: administrators only
      session.get("/desk");
      // (a zero step: refused by the desk after the authorization, so the shared clock stays put)
      HttpResponse<String> clock = session.post("/desk/clock", Map.of("days", "0", "hours", "0"));
      // (anonymous has no session and no CSRF token: refused before anything else)
      int expected = ACTORS[i].equals("admin") ? 302 : 403;
      check(wrong, "POST /desk/clock", ACTORS[i], expected, clock);
    }
    assertThat(wrong).isEmpty();
  }

  private static void check(
      List<String> wrong, String call, String actor, int expected, HttpResponse<String> answer) {
    int status = answer.statusCode();
    boolean refused = status == 401 || status == 403 || status == 404;
    boolean right = expected == OK ? !refused && status < 500 : status == expected;
    if (!right) {
      wrong.add(
          call
              + " as "
              + actor
              + ": expected "
              + (expected == OK ? "ok" : expected)
              + " but got "
              + status
              + " "
              + answer
                  .body()
                  .substring(0, Math.min(200, answer.body().length()))
                  .replace('\n', ' '));
    }
  }
}
