package org.interlend.app.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interlend.InterlendApplication;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The patron's language: kept from the portal's choice, followed across sign-ins, and used for the
 * mails the workers write and the notes and reasons the portal shows.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PatronLanguageTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;

  private String language(String patron) {
    return jdbc.queryForObject("select language from patron where id = ?", String.class, patron);
  }

  @Test
  void theLanguageSwitchIsKeptWithThePatronAndFollowsThemToTheirNextSignIn() throws Exception {
    String patron = TestPatrons.create(jdbc, "POSTGRADUATE");
    WebSession web = new WebSession(port).signIn(patron);
    assertThat(web.page("/portal")).contains("<html lang=\"en\"");
    assertThat(language(patron)).as("the first page shown keeps its language").isEqualTo("en");

    assertThat(web.page("/portal?lang=zh-TW")).contains("<html lang=\"zh-TW\"");
    assertThat(language(patron)).isEqualTo("zh-TW");

    // another browser, no language cookie: signed in, the patron's language
    WebSession elsewhere = new WebSession(port).signIn(patron);
    assertThat(elsewhere.page("/portal")).contains("<html lang=\"zh-TW\"");
    assertThat(elsewhere.page("/portal?lang=en")).contains("<html lang=\"en\"");
    assertThat(language(patron)).isEqualTo("en");
    assertThat(new WebSession(port).signIn(patron).page("/portal")).contains("<html lang=\"en\"");
  }

  @Test
  void aLanguageChosenOnTheSignInPageIsKeptAtSignIn() throws Exception {
    String patron = TestPatrons.create(jdbc, "POSTGRADUATE");
    WebSession web = new WebSession(port);
    web.page("/login?lang=zh-TW");
    web.signIn(patron);
    assertThat(language(patron)).isEqualTo("zh-TW");
    assertThat(web.page("/portal")).contains("<html lang=\"zh-TW\"");
  }

  @Test
  void aPatronWhoMayNotBorrowReadsWhyInTheirLanguage() throws Exception {
    String alumnus = TestPatrons.create(jdbc, "ALUMNI");
    WebSession web = new WebSession(port).signIn(alumnus);
    assertThat(web.page("/portal/search?q=copyright+law&lang=zh-TW")).contains("校友不符合港書網借閱資格。");
    assertThat(web.page("/portal/search?q=copyright+law&lang=en"))
        .contains("Alumni are not eligible for HKALL borrowing.");
  }

  @Test
  void aChineseSpeakingPatronGetsTheMailAndTheNotesInChineseAnEnglishSpeakingOneInEnglish()
      throws Exception {
    String chinese = TestPatrons.create(jdbc, "POSTGRADUATE");
    WebSession zh = new WebSession(port).signIn(chinese);
    zh.page("/portal?lang=zh-TW");
    String english = TestPatrons.create(jdbc, "POSTGRADUATE");
    WebSession en = new WebSession(port).signIn(english);
    en.page("/portal?lang=en");

    Request zhRequest = placeAndCancelACopy(zh, chinese);
    Request enRequest = placeAndCancelACopy(en, english);

    Map<String, String> zhMail = awaitMail(zhRequest, "已取消");
    assertThat(zhMail.get("subject")).isEqualTo("您的複本申請 " + zhRequest.id() + " 已取消");
    assertThat(zhMail.get("body"))
        .contains("按您的要求")
        .contains(zhRequest.id())
        .contains("Interlend 館際互借服務");
    Map<String, String> enMail = awaitMail(enRequest, "cancelled");
    assertThat(enMail.get("subject"))
        .isEqualTo("Your copy request " + enRequest.id() + " is cancelled");
    assertThat(enMail.get("body")).contains("As you asked");

    String zhPage = zh.page("/portal/requests/" + zhRequest.id());
    assertThat(zhPage)
        .contains("讀者於提供複本前取消。")
        .contains("掃描")
        .doesNotContain("Cancelled by the patron");
    String enPage = en.page("/portal/requests/" + enRequest.id());
    assertThat(enPage)
        .contains("Cancelled by the patron before it was supplied.")
        .contains("to scan it.");
    // staff read the note in English, as the API and the staff console show it
    assertThat(requests.history(zhRequest.id()).getLast().note())
        .isEqualTo("Cancelled by the patron before it was supplied.");
  }

  private Request placeAndCancelACopy(WebSession web, String patron) throws Exception {
    web.page("/portal/digital");
    HttpResponse<String> placed = web.post("/portal/digital", chapter());
    assertThat(placed.statusCode()).isEqualTo(302);
    Request request = requests.forPatron(patron).get(0);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> requests.get(request.id()).status() == RequestStatus.SCANNING);
    String path = "/portal/requests/" + request.id();
    web.page(path);
    assertThat(web.post(path + "/cancel", Map.of()).statusCode()).isEqualTo(302);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> requests.get(request.id()).status() == RequestStatus.CANCELLED);
    return request;
  }

  private Map<String, String> awaitMail(Request request, String inSubject) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<Map<String, String>> mails =
                  jdbc.query(
                      "select subject, body from notice where request_id = ? and subject like ?",
                      (rs, i) -> Map.of("subject", rs.getString(1), "body", rs.getString(2)),
                      request.id(),
                      "%" + inSubject + "%");
              return mails.isEmpty() ? null : mails.getFirst();
            },
            m -> m != null);
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
}
