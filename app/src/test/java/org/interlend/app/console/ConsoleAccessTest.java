package org.interlend.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.TestPatrons;
import org.interlend.app.portal.WebSession;
import org.interlend.lending.PhysicalRequests;
import org.interlend.requests.Request;
import org.interlend.requests.RequestEvent;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.engine.UserTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who sees and acts on which request in the staff console, checked on the server: staff of the
 * patron's home library (cityu) and of the lender (hku) see the request; staff of another library
 * (cuhk) get "not found" for the page, the search and every action, so ids cannot be probed; an
 * action that belongs to another party is "not allowed"; managers see every request.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConsoleAccessTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired PhysicalRequests physical;
  @Autowired UserTasks userTasks;

  String patron;
  String patronName;
  Request request;

  @BeforeEach
  void aRequestOfCityuLentByHku() {
    patron = TestPatrons.create(jdbc, "POSTGRADUATE");
    patronName = "Test Patron " + patron;
    long bib =
        jdbc.queryForObject(
            "insert into bib (title, author) values (?, 'Access, A.') returning id",
            Long.class,
            "Access rules " + UUID.randomUUID().toString().substring(0, 8));
    jdbc.update(
        "insert into item (bib_id, library_code, barcode, format, collection, status) values (?, 'hku', ?, 'BOOK', 'GENERAL', 'AVAILABLE')",
        bib,
        "HKU" + UUID.randomUUID().toString().substring(0, 10));
    request = physical.place(patron, bib);
    // the rota asked hku: the lender is now a party of the request
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                userTasks.open().stream()
                    .anyMatch(
                        t ->
                            t.processInstanceKey() == request.processInstanceKey()
                                && t.elementId().equals("hkallPullAndShip")));
  }

  @Test
  void staffOfAnUninvolvedLibraryGetNotFoundForThePageTheSearchAndEveryAction() throws Exception {
    WebSession cuhk = new WebSession(port).signIn("staff-cuhk");
    String page = "/staff/requests/" + request.id();
    assertThat(cuhk.get(page).statusCode()).isEqualTo(404);
    assertThat(cuhk.get(page).body()).contains("Not found").doesNotContain(patronName);
    // the same answer as for a request that does not exist
    assertThat(cuhk.get("/staff/requests/R-999999999").statusCode()).isEqualTo(404);
    assertThat(cuhk.page("/staff?q=" + patron)).doesNotContain(request.id());
    assertThat(cuhk.page("/staff?q=" + request.id()))
        .doesNotContain("/staff/requests/" + request.id());

    Map<String, Map<String, String>> actions =
        Map.of(
            "/check-in", Map.of("barcode", "x", "confirm", "yes"),
            "/arrival", Map.of("confirm", "yes"),
            "/recall", Map.of("confirm", "yes"),
            "/loss", Map.of("kind", "LOST", "confirm", "yes"),
            "/cancel", Map.of("reason", "not yours", "confirm", "yes"),
            "/notes", Map.of("text", "not yours"),
            "/notices/1/resend", Map.of("confirm", "yes"),
            "/incidents/1/retry", Map.of("confirm", "yes"));
    for (var action : actions.entrySet()) {
      HttpResponse<String> answer = cuhk.post(page + action.getKey(), action.getValue());
      assertThat(answer.statusCode()).as(action.getKey()).isEqualTo(404);
    }
    // nothing happened to the request
    assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.REQUESTED);
    assertThat(requests.timeline(request.id()))
        .extracting(RequestEvent::kind)
        .containsOnly(RequestEvent.Kind.STATUS);
  }

  @Test
  void theHomeLibraryAndTheLenderSeeTheRequestAndActOnlyAsTheirPartAllows() throws Exception {
    String page = "/staff/requests/" + request.id();
    WebSession cityu = new WebSession(port).signIn("staff-cityu");
    assertThat(cityu.page(page)).contains(patronName).contains("Pull and ship");
    assertThat(cityu.page("/staff?q=" + patronName.replace(' ', '+')))
        .contains("/staff/requests/" + request.id());
    HttpResponse<String> note =
        cityu.post(page + "/notes", Map.of("text", "Patron phoned", "audience", "STAFF"));
    assertThat(note.statusCode()).isEqualTo(302);
    assertThat(cityu.page(page)).contains("Patron phoned").contains("Note (staff only)");

    WebSession hku = new WebSession(port).signIn("staff-hku");
    assertThat(hku.page(page)).contains(patronName);
    // only the patron's home library records an overseas arrival; only the lender recalls
    assertThat(hku.post(page + "/arrival", Map.of("confirm", "yes")).statusCode()).isEqualTo(403);
    assertThat(cityu.post(page + "/recall", Map.of("confirm", "yes")).statusCode()).isEqualTo(403);
    // a staff-only note is not the patron's to see
    assertThat(requests.history(request.id()))
        .extracting(h -> h.note())
        .doesNotContain("Patron phoned");
  }

  @Test
  void managersAndAdministratorsSeeEveryRequestAndPatronsNone() throws Exception {
    String page = "/staff/requests/" + request.id();
    WebSession manager = new WebSession(port).signIn("manager");
    assertThat(manager.page(page)).contains(patronName);
    assertThat(manager.page("/staff?q=" + patron)).contains("/staff/requests/" + request.id());
    assertThat(
            manager
                .post(
                    page + "/notes", Map.of("text", "Checked by the manager", "audience", "PATRON"))
                .statusCode())
        .isEqualTo(302);
    assertThat(requests.history(request.id()))
        .extracting(h -> h.note())
        .contains("Checked by the manager");
    // counter work belongs to the libraries that hold the item
    assertThat(
            manager.post(page + "/check-in", Map.of("barcode", "x", "confirm", "yes")).statusCode())
        .isEqualTo(403);

    assertThat(new WebSession(port).signIn("admin").page(page)).contains(patronName);
    WebSession thePatron = new WebSession(port).signIn(patron);
    assertThat(thePatron.get("/staff").statusCode()).isEqualTo(403);
    assertThat(thePatron.get(page).statusCode()).isEqualTo(403);
  }

  @Test
  void anActionNeedsItsConfirmationAndACancelItsReason() throws Exception {
    String page = "/staff/requests/" + request.id();
    WebSession cityu = new WebSession(port).signIn("staff-cityu");
    cityu.page(page);
    HttpResponse<String> unconfirmed = cityu.post(page + "/cancel", Map.of("reason", "duplicate"));
    assertThat(unconfirmed.statusCode()).isEqualTo(302);
    assertThat(cityu.page(page)).contains("tick the box to confirm");
    cityu.post(page + "/cancel", Map.of("reason", " ", "confirm", "yes"));
    assertThat(cityu.page(page)).contains("Give the reason for the cancel");
    assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.REQUESTED);

    cityu.post(page + "/cancel", Map.of("reason", "The patron found a copy", "confirm", "yes"));
    assertThat(cityu.page(page)).contains("Cancelled " + request.id());
    assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(requests.history(request.id()).getLast().note())
        .isEqualTo("cancelled by staff staff-cityu: The patron found a copy");
  }
}
