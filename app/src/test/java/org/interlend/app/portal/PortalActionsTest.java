package org.interlend.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.interlend.InterlendApplication;
import org.interlend.copying.DigitalDeliveries;
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

/** Placing, cancelling and downloading through the portal's forms, and bad input on each. */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalActionsTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired DigitalDeliveries deliveries;
  @Autowired DocumentStore store;
  @Autowired org.interlend.lending.lifecycle.LoanLifecycle lifecycle;

  String patron;
  WebSession web;

  @BeforeEach
  void signIn() throws Exception {
    patron = TestPatrons.create(jdbc, "POSTGRADUATE");
    web = new WebSession(port).signIn(patron);
  }

  private int requestsOfPatron() {
    return jdbc.queryForObject(
        "select count(*) from request where patron_id = ?", Integer.class, patron);
  }

  @Test
  void aPatronPlacesAPhysicalRequestAndCancelsItWhileItIsRequested() throws Exception {
    assertThat(web.page("/portal/search?q=9789888528011")).contains("Request a physical copy");
    HttpResponse<String> placed = web.post("/portal/titles/1/request", Map.of());
    assertThat(placed.statusCode()).isEqualTo(302);
    String path =
        placed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    String id = path.substring(path.lastIndexOf('/') + 1);
    assertThat(requests.get(id).patronId()).isEqualTo(patron);

    String detail = web.page(path);
    assertThat(detail)
        .contains("Request " + id + " placed.")
        .contains("Hong Kong Copyright Law in Practice");
    assertThat(detail).contains("Cancel this request");

    HttpResponse<String> cancelled = web.post(path + "/cancel", Map.of());
    assertThat(cancelled.statusCode()).isEqualTo(302);
    assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(web.page(path))
        .contains("Request " + id + " cancelled.")
        .doesNotContain("Cancel this request");
    // a second cancel is refused with the reason, and changes nothing
    web.post(path + "/cancel", Map.of());
    assertThat(web.page(path)).contains("can no longer be cancelled");
  }

  @Test
  void aTitleThatCannotBeRequestedOrDoesNotExistCreatesNothing() throws Exception {
    web.page("/portal/search?q=archaeology");
    HttpResponse<String> atHome = web.post("/portal/titles/2/request", Map.of());
    assertThat(atHome.statusCode()).isEqualTo(409);
    assertThat(atHome.body()).contains("Your home library has a copy on the shelf");
    assertThat(web.post("/portal/titles/999999/request", Map.of()).body())
        .contains("There is no title 999999");
    assertThat(web.post("/portal/titles/abc/request", Map.of()).statusCode()).isEqualTo(404);
    assertThat(requestsOfPatron()).isZero();
  }

  private static Map<String, String> chapter() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("kind", "CHAPTER");
    form.put("title", "Hong Kong Copyright Law in Practice");
    form.put("isbn", "978-988-8528-01-1");
    form.put("chapter", "3");
    form.put("pageStart", "41");
    form.put("pageEnd", "60");
    form.put("totalPages", "320");
    form.put("researchOrPrivateStudy", "true");
    form.put("notSuppliedBefore", "true");
    form.put("notRelatedToOtherPerson", "true");
    form.put("noRedistribution", "true");
    return form;
  }

  @Test
  void badDigitalRequestsAreRefusedWithMessagesAndCreateNothing() throws Exception {
    assertThat(web.page("/portal/digital?bibId=1"))
        .contains("value=\"Hong Kong Copyright Law in Practice\"");

    Map<String, String> undeclared = chapter();
    undeclared.remove("noRedistribution");
    HttpResponse<String> r1 = web.post("/portal/digital", undeclared);
    assertThat(r1.statusCode()).isEqualTo(400);
    assertThat(r1.body())
        .contains("affirm every statement of the declaration")
        .contains("value=\"320\"");

    Map<String, String> notNumbers = chapter();
    notNumbers.put("pageStart", "forty");
    notNumbers.put("totalPages", "");
    HttpResponse<String> r2 = web.post("/portal/digital", notNumbers);
    assertThat(r2.statusCode()).isEqualTo(400);
    assertThat(r2.body())
        .contains("First page: enter a whole number")
        .contains("this field is required")
        .contains("value=\"forty\"");

    Map<String, String> backwards = chapter();
    backwards.put("pageEnd", "12");
    HttpResponse<String> r3 = web.post("/portal/digital", backwards);
    assertThat(r3.statusCode()).isEqualTo(400);
    assertThat(r3.body()).contains("The request was not placed").contains("41-12");

    Map<String, String> badKind = chapter();
    badKind.put("kind", "BOOK");
    assertThat(web.post("/portal/digital", badKind).statusCode()).isEqualTo(400);

    assertThat(requestsOfPatron()).isZero();
  }

  @Test
  void aDigitalRequestIsPlacedWithItsDeclaration() throws Exception {
    web.page("/portal/digital");
    HttpResponse<String> placed = web.post("/portal/digital", chapter());
    assertThat(placed.statusCode()).isEqualTo(302);
    Request request = requests.forPatron(patron).get(0);
    assertThat(request.kind()).isEqualTo("DIGITAL");
    assertThat(request.title()).contains("Chapter 3 of Hong Kong Copyright Law in Practice");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from copy_declaration where request_id = ? and no_redistribution",
                Integer.class,
                request.id()))
        .isEqualTo(1);
  }

  @Test
  void aDeliveredCopyIsDownloadedFiveTimesThroughTheAppAndThenRefused() throws Exception {
    Request request = requests.create("DIGITAL", patron, "Chapter 1 of a test book (pp. 1-2)");
    String key = deliveries.reserveKey(request.id());
    byte[] pdf = "%PDF-1.4 test copy".getBytes(StandardCharsets.US_ASCII);
    store.put(key, new ByteArrayInputStream(pdf), pdf.length, "application/pdf", Map.of());
    deliveries.publish(
        request.id(), "sha", pdf.length, 2, Instant.now().plus(Duration.ofDays(14)), 5);
    String path = "/portal/requests/" + request.id();
    assertThat(web.page(path)).contains("Download the PDF").contains("5 of 5");
    assertThat(web.page(path)).doesNotContain(key); // the object's address is never shown

    for (int i = 1; i <= 5; i++) {
      HttpResponse<byte[]> granted = web.postForBytes(path + "/download", Map.of());
      assertThat(granted.statusCode()).as("download " + i).isEqualTo(200);
      assertThat(granted.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"" + request.id() + ".pdf\"");
      assertThat(granted.body()).isEqualTo(pdf);
      assertThat(deliveries.get(request.id()).downloads()).isEqualTo(i);
    }
    HttpResponse<String> sixth = web.post(path + "/download", Map.of());
    assertThat(sixth.statusCode()).isEqualTo(410);
    assertThat(sixth.body()).contains("All 5 downloads of this copy have been used");
    assertThat(deliveries.get(request.id()).downloads()).isEqualTo(5);

    // another patron cannot use up the downloads
    WebSession other = new WebSession(port).signIn(TestPatrons.create(jdbc, "ACADEMIC"));
    other.page("/portal");
    assertThat(other.post(path + "/download", Map.of()).statusCode()).isEqualTo(404);
  }

  @Test
  void badOverseasRequestsAreRefusedWithTheApisMessageAndCreateNothing() throws Exception {
    assertThat(web.page("/portal/overseas?bibId=4")).contains("value=\"A History of Hong Kong\"");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("type", "BOOK");
    form.put("title", "A History of Hong Kong");
    form.put("year", "nineteen");
    HttpResponse<String> noPurpose = web.post("/portal/overseas", form);
    assertThat(noPurpose.statusCode()).isEqualTo(400);
    assertThat(noPurpose.body()).contains("The request was not placed").contains("purpose");

    form.put("purpose", "PERSONAL");
    HttpResponse<String> badYear = web.post("/portal/overseas", form);
    assertThat(badYear.statusCode()).isEqualTo(400);
    assertThat(badYear.body()).contains("year").contains("value=\"nineteen\"");
    assertThat(requestsOfPatron()).isZero();

    form.put("year", "1997");
    HttpResponse<String> placed = web.post("/portal/overseas", form);
    assertThat(placed.statusCode()).isEqualTo(302);
    assertThat(requests.forPatron(patron))
        .singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo("OVERSEAS"));
  }

  @Test
  void aPatronCancelsAnOverseasRequestBeforeTheOrderButNotAfter() throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("type", "BOOK");
    form.put("title", "A History of Hong Kong");
    form.put("purpose", "TEACHING_RESEARCH");
    web.page("/portal/overseas");
    HttpResponse<String> placed = web.post("/portal/overseas", form);
    assertThat(placed.statusCode()).isEqualTo(302);
    Request request = requests.forPatron(patron).get(0);
    String path = "/portal/requests/" + request.id();
    assertThat(web.page(path)).contains("Cancel this request");

    assertThat(web.post(path + "/cancel", Map.of()).statusCode()).isEqualTo(302);
    assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(web.page(path)).contains("Request " + request.id() + " cancelled.");

    Request ordered = requests.create("OVERSEAS", patron, "Ordered from a partner");
    requests.recordStatus(
        ordered.id(), RequestStatus.ORDERED, "staff-cityu", null, "test:" + ordered.id());
    String orderedPath = "/portal/requests/" + ordered.id();
    assertThat(web.page(orderedPath)).doesNotContain("Cancel this request");
    web.post(orderedPath + "/cancel", Map.of());
    assertThat(web.page(orderedPath)).contains("can no longer be cancelled");
    assertThat(requests.get(ordered.id()).status()).isEqualTo(RequestStatus.ORDERED);
  }

  @Test
  void aChargeAnswerNeedsAnOpenOfferAndAChoice() throws Exception {
    Request request = requests.create("OVERSEAS", patron, "An overseas title");
    String path = "/portal/requests/" + request.id();
    web.page(path);
    web.post(path + "/charge", Map.of("answer", "maybe"));
    assertThat(web.page(path)).contains("Choose to accept or to decline the charge.");
    web.post(path + "/charge", Map.of("answer", "accept"));
    assertThat(web.page(path)).contains("has no charge waiting for your answer");
  }

  @Test
  void aLoanShowsItsLenderDueDateRenewalsLeftAndFines() throws Exception {
    Request request = requests.create("PHYSICAL", patron, "Introduction to Library Cataloguing");
    var loan = lifecycle.open(request.id(), patron, "hkbu", Instant.now(), 30);
    String detail = web.page("/portal/requests/" + request.id());
    assertThat(detail)
        .contains("HKBU Library")
        .contains(loan.dueDate().toString())
        .contains("none: the lending library does not renew HKALL loans")
        .contains("HK$ <span>0.00</span>")
        .doesNotContain(">Renew<");
    assertThat(web.page("/portal/requests"))
        .contains("due " + loan.dueDate())
        .contains("HKBU Library");

    Request renewable = requests.create("PHYSICAL", patron, "Urban Planning in Hong Kong");
    lifecycle.open(renewable.id(), patron, "cuhk", Instant.now(), 30);
    assertThat(web.page("/portal/requests/" + renewable.id()))
        .contains("Renewals left")
        .contains(">Renew<");
  }
}
