package org.interlend.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.interlend.InterlendApplication;
import org.interlend.requests.Request;
import org.interlend.requests.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The portal's pages and the catalogue and My Requests API, with a patron of the test's own. */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;

  final ObjectMapper json = new ObjectMapper();
  String patron;
  WebSession web;

  @BeforeEach
  void signIn() throws Exception {
    patron = TestPatrons.create(jdbc, "UNDERGRADUATE");
    web = new WebSession(port).signIn(patron);
  }

  @Test
  void searchShowsEveryLibrarysCopiesAndWhetherTheTitleCanBeRequested() throws Exception {
    String page = web.page("/portal/search?q=copyright+law");
    assertThat(page)
        .contains("Hong Kong Copyright Law in Practice")
        .contains("The University of Hong Kong Libraries")
        .contains("Requestable through HKALL.");

    // held and on the shelf at home (CityU): borrow it there
    assertThat(web.page("/portal/search?q=archaeology+of+the+south"))
        .contains("Not requestable through HKALL.")
        .contains("Your home library has a copy on the shelf");
    // only e-book and DVD
    assertThat(web.page("/portal/search?q=9781138124585")).contains("non-loanable format");
    // only reference copies
    assertThat(web.page("/portal/search?q=encyclopedia+of+chinese"))
        .contains("Reference")
        .contains("non-loanable");
    // every copy out
    assertThat(web.page("/portal/search?q=history+of+hong+kong"))
        .contains("out on loan or missing");
  }

  /**
   * A patron who may not borrow is told so, with the reason, before asking: no "can be lent to you"
   * and no Request button (on today's main they saw both and learnt the reason only afterwards).
   */
  @Test
  void aPatronWhoMayNotBorrowSeesWhyAndNoRequestButton() throws Exception {
    String alumnus = TestPatrons.create(jdbc, "ALUMNI");
    WebSession alumni = new WebSession(port).signIn(alumnus);
    String page = alumni.page("/portal/search?q=copyright+law");
    assertThat(page)
        .contains("Hong Kong Copyright Law in Practice")
        .contains("You may not borrow through HKALL: Alumni are not eligible")
        .doesNotContain("can be lent to you")
        .doesNotContain("/request\"");
    assertThat(alumni.page("/portal/digital"))
        .contains("You may not place this request")
        .doesNotContain("name=\"pageStart\"");
    assertThat(alumni.page("/portal/overseas")).contains("You may not place this request");

    String full = TestPatrons.create(jdbc, "UNDERGRADUATE");
    jdbc.update("update patron set loans_in_use = 15, hkall_in_use = 15 where id = ?", full);
    assertThat(new WebSession(port).signIn(full).page("/portal/search?q=copyright+law"))
        .contains("You may not borrow through HKALL: HKALL limit reached")
        .doesNotContain("/request\"");

    // an undergraduate may ask overseas partners for copies, not books, and is told so first
    assertThat(web.page("/portal/overseas"))
        .contains("You may request copies of chapters and articles only");
    assertThat(web.page("/portal/search?q=copyright+law")).contains("can be lent to you");
  }

  @Test
  void badSearchesGetAMessageNotAnError() throws Exception {
    HttpResponse<String> empty = web.get("/portal/search?q=+++");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body())
        .contains("Enter a title, author, ISBN or ISSN to search.")
        .contains("aria-invalid=\"true\"");

    HttpResponse<String> tooLong = web.get("/portal/search?q=" + "x".repeat(201));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("at most 200 characters");

    assertThat(web.page("/portal/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"))
        .doesNotContain("<script>alert(1)</script>")
        .contains("No titles match");
  }

  @Test
  void thePortalSpeaksTraditionalChineseOnRequestAndKeepsIt() throws Exception {
    String zh = web.page("/portal/search?q=copyright&lang=zh-TW");
    assertThat(zh)
        .contains("<html lang=\"zh-TW\"")
        .contains("搜尋港書網")
        .contains("香港大學圖書館")
        .contains("可經港書網申請");
    // the language switch keeps the search
    assertThat(zh).contains("href=\"/portal/search?q=copyright&amp;lang=en\"");
    assertThat(web.page("/portal/requests")).contains("我的申請");
    assertThat(web.page("/portal?lang=en")).contains("<html lang=\"en\"").contains("My Requests");
  }

  @Test
  void myRequestsListsTheRequestsAndShowsTheirHistory() throws Exception {
    Request r = requests.create("PHYSICAL", patron, "Designing Data-Intensive Applications");
    assertThat(web.page("/portal/requests"))
        .contains(r.id())
        .contains("Designing Data-Intensive Applications");
    String detail = web.page("/portal/requests/" + r.id());
    assertThat(detail)
        .contains("Status history")
        .contains("patron " + patron)
        .contains("Requested");
    HttpResponse<String> unknown = web.get("/portal/requests/not-an-id");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("You have no request not-an-id.");
  }

  @Test
  void myRequestsIsPagedNewestFirst() throws Exception {
    for (int i = 1; i <= 27; i++) {
      requests.create("PHYSICAL", patron, String.format("Paged title %02d", i));
    }
    String first = web.page("/portal/requests");
    assertThat(first)
        .contains("Paged title 27")
        .contains("Paged title 03")
        .doesNotContain("Paged title 02")
        .contains("Page 1 of 2")
        .contains("Older");
    String second = web.page("/portal/requests?page=1");
    assertThat(second)
        .contains("Paged title 02")
        .contains("Paged title 01")
        .doesNotContain("Paged title 03")
        .contains("Page 2 of 2")
        .contains("Newer");
    assertThat(web.page("/portal/requests?page=9"))
        .contains("Page 2 of 2")
        .contains("Paged title 01");
  }

  @Test
  void theCatalogueApiAnswersWithRequestabilityAndProblemDetailsForBadInput() throws Exception {
    JsonNode titles =
        json.readTree(web.api("GET", "/api/catalogue?q=9789888528011", patron, null).body());
    assertThat(titles).hasSize(1);
    assertThat(titles.get(0).path("requestable").asBoolean()).isTrue();
    assertThat(titles.get(0).path("lenders").toString()).contains("hku", "cuhk", "polyu");
    assertThat(titles.get(0).path("copies")).hasSize(3);

    JsonNode home =
        json.readTree(web.api("GET", "/api/catalogue?q=archaeology", patron, null).body());
    assertThat(home.get(0).path("reason").asText()).isEqualTo("AVAILABLE_AT_HOME");
    assertThat(home.get(0).path("reasonMessage").asText()).contains("home library");

    HttpResponse<String> missing = web.api("GET", "/api/catalogue", patron, null);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    JsonNode problem = json.readTree(missing.body());
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("q");
    assertThat(problem.path("detail").asText()).isEqualTo("q: enter a title, author, ISBN or ISSN");

    JsonNode limits =
        json.readTree(web.api("GET", "/api/catalogue?q=hong&limit=0", patron, null).body());
    assertThat(limits.path("status").asInt()).isEqualTo(400);
    assertThat(limits.path("errors").get(0).path("field").asText()).isEqualTo("limit");

    JsonNode notANumber =
        json.readTree(web.api("GET", "/api/catalogue?q=hong&limit=many", patron, null).body());
    assertThat(notANumber.path("status").asInt()).isEqualTo(400);
    assertThat(notANumber.path("detail").asText()).contains("\"many\" is not a valid int");

    assertThat(web.api("GET", "/api/catalogue?q=" + "x".repeat(201), patron, null).body())
        .contains("use at most 200 characters");

    // a body that is not JSON is a problem too, for every controller of the API
    HttpResponse<String> unreadable =
        web.api("POST", "/api/overseas-requests", patron, "{not json");
    assertThat(unreadable.statusCode()).isEqualTo(400);
    JsonNode body = json.readTree(unreadable.body());
    assertThat(body.path("title").asText()).isEqualTo("Unreadable request body");
    assertThat(body.path("detail").asText())
        .startsWith("The request body is missing or is not JSON");
    assertThat(requests.forPatron(patron)).isEmpty();
  }

  @Test
  void theApiIsDescribedWithOpenApi() throws Exception {
    HttpResponse<String> docs = web.get("/v3/api-docs");
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode api = json.readTree(docs.body());
    assertThat(api.path("info").path("title").asText()).isEqualTo("Interlend API");
    assertThat(api.path("paths").has("/api/catalogue")).isTrue();
    assertThat(api.path("paths").has("/api/requests/{id}")).isTrue();
    assertThat(api.path("paths").has("/desk")).isFalse();
  }
}
