package org.interlend.workflows.copying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.interlend.copying.CopyKind;
import org.interlend.copying.CopyRequest;
import org.interlend.copying.Declaration;
import org.interlend.copying.DigitalDeliveries;
import org.interlend.copying.DigitalRequests;
import org.interlend.copying.DownloadClaim;
import org.interlend.patrons.Patrons;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.requests.StatusChange;
import org.interlend.storage.DocumentStore;
import org.interlend.texts.PatronTexts;
import org.interlend.workflows.ProcessTest;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of digital-copy and digital-delivery, with real workers, store, database and mail. */
class DigitalCopyProcessTest extends ProcessTest {

  static final Declaration DECLARED = new Declaration(true, true, true, true);

  @Autowired DigitalRequests digitalRequests;
  @Autowired DigitalDeliveries deliveries;
  @Autowired Requests requests;
  @Autowired Patrons patrons;
  @Autowired DocumentStore store;
  @Autowired JdbcTemplate jdbc;
  @Autowired GreenMail mail;
  @Autowired PatronTexts texts;

  CopyFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new CopyFixtures(jdbc, store);
  }

  // ------------------------------------------------------------------ helpers

  static CopyRequest chapter(
      String isbn, String title, String chapter, int from, int to, int total) {
    return new CopyRequest(
        CopyKind.CHAPTER, title, isbn, null, chapter, null, null, null, from, to, total);
  }

  static CopyRequest article(
      String issn,
      String journal,
      String articleTitle,
      String volume,
      String issue,
      int from,
      int to) {
    return new CopyRequest(
        CopyKind.ARTICLE, journal, null, issn, null, articleTitle, volume, issue, from, to, null);
  }

  Request place(String patronId, CopyRequest copy) {
    return digitalRequests.place(patronId, copy, DECLARED);
  }

  RequestStatus awaitStatus(String requestId, RequestStatus status) {
    Request request = requests.get(requestId);
    await()
        .pollInSameThread()
        .atMost(WAIT)
        .failFast(
            "an incident was raised",
            () -> !projection.openIncidents(requests.get(requestId).processInstanceKey()).isEmpty())
        .until(() -> requests.get(requestId).status() == status);
    return requests.get(request.id()).status();
  }

  String lastNote(String requestId) {
    List<StatusChange> history = requests.history(requestId);
    return history.get(history.size() - 1).note();
  }

  OpenTask awaitScanTask(Request request) {
    return awaitTask(request.processInstanceKey(), "scanAndUpload");
  }

  /** A scan task that appears after the given one (same instance, later round). */
  OpenTask awaitNextScanTask(Request request, long previousTaskKey) {
    return awaitNextTask(request.processInstanceKey(), "scanAndUpload", previousTaskKey);
  }

  void supply(OpenTask task, String... keys) {
    userTasks.complete(task.key(), Map.of("scanOutcome", "supplied", "scanFiles", List.of(keys)));
  }

  List<MimeMessage> mailTo(String patronId, String subjectPart) {
    String email = patrons.get(patronId).email();
    return Arrays.stream(mail.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().contains(email))
                    && m.getSubject().contains(subjectPart);
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  void awaitMail(String patronId, String subjectPart) {
    await().pollInSameThread().atMost(WAIT).until(() -> !mailTo(patronId, subjectPart).isEmpty());
  }

  int loansInUse(String patronId) {
    return patrons.get(patronId).loansInUse();
  }

  // ------------------------------------------------------------------ paths

  @Test
  void eligibleChapterIsScannedWatermarkedDeliveredDownloadedFiveTimesAndExpires()
      throws Exception {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Copyright in Practice", "polyu", "hkust", "cityu");
    String patron = fixtures.patron("ACADEMIC");
    Request request = place(patron, chapter(isbn, "Copyright in Practice", "3", 41, 50, 300));
    assertThat(digitalRequests.declared(request.id())).isTrue();

    OpenTask task = awaitScanTask(request);
    // the first holder in rota order that is not the patron's home library (CityU)
    assertThat(task.candidateGroups()).containsExactly("staff-hkust");
    assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.SCANNING);
    assertThat(loansInUse(patron)).isEqualTo(1);

    String upload = fixtures.upload("chapter3.pdf", CopyFixtures.pdf(10));
    supply(task, upload);

    awaitStatus(request.id(), RequestStatus.DELIVERED);
    var delivery = deliveries.get(request.id());
    assertThat(delivery.objectKey()).matches("deliveries/[0-9a-f]{32}\\.pdf");
    byte[] copy = fixtures.read(delivery.objectKey());
    assertThat(delivery.bytes()).isEqualTo(copy.length);
    assertThat(delivery.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(copy)));
    assertThat(delivery.maxDownloads()).isEqualTo(5);
    assertThat(store.stat(upload)).as("raw upload deleted").isEmpty();
    // a full save: no earlier revision (the unmarked scan) ends at an earlier %%EOF
    String raw = new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(raw.indexOf("%%EOF")).isEqualTo(raw.lastIndexOf("%%EOF"));

    // the copy: cover page + 10 pages, the footer on every scanned page
    try (PDDocument pdf = Loader.loadPDF(copy)) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(11);
      PDFTextStripper text = new PDFTextStripper();
      text.setStartPage(1);
      text.setEndPage(1);
      assertThat(text.getText(pdf))
          .contains("Copyright notice")
          .contains("Cap. 528")
          .contains(request.id());
      for (int page = 2; page <= 11; page++) {
        text.setStartPage(page);
        text.setEndPage(page);
        assertThat(text.getText(pdf))
            .contains(
                "Supplied for research or private study only. Request "
                    + request.id()
                    + ", patron "
                    + patron);
      }
    }
    await()
        .pollInSameThread()
        .atMost(WAIT)
        .until(() -> mailTo(patron, "ready to download").size() == 1);
    assertThat(mailTo(patron, "ready to download").get(0).getContent().toString())
        .contains("/portal/requests/" + request.id())
        .doesNotContain(delivery.objectKey());

    // five downloads, then refused
    for (int i = 1; i <= 5; i++) {
      assertThat(deliveries.claim(request.id())).isInstanceOf(DownloadClaim.Granted.class);
    }
    assertThat(deliveries.claim(request.id())).isInstanceOf(DownloadClaim.LimitReached.class);

    // the window closes: the object is deleted and the request EXPIRED
    engine.increaseTime(Duration.ofDays(15));
    awaitStatus(request.id(), RequestStatus.EXPIRED);
    awaitCompleted(request.processInstanceKey());
    assertThat(store.stat(delivery.objectKey())).as("copy deleted from the store").isEmpty();
    assertThat(deliveries.claim(request.id())).isInstanceOf(DownloadClaim.Expired.class);
    assertThat(mailTo(patron, "is no longer available")).hasSize(1);
    assertThat(loansInUse(patron)).isZero();
    assertThat(projection.completedElements(request.processInstanceKey()))
        .containsSubsequence(
            "checkCopyright",
            "decideCopyright",
            "holdQuota",
            "chooseSupplier",
            "scanAndUpload",
            "deliver",
            "releaseQuota",
            "finished");
  }

  @Test
  void ineligibleCategoryIsRejectedWithTheReason() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Alumni Reading", "hku");
    String patron = fixtures.patron("ALUMNI");
    Request request = place(patron, chapter(isbn, "Alumni Reading", "1", 1, 10, 200));

    awaitStatus(request.id(), RequestStatus.REJECTED);
    awaitCompleted(request.processInstanceKey());
    assertThat(lastNote(request.id()))
        .contains("Alumni")
        .contains("may not request chapters or articles")
        .contains("physical item on loan");
    assertThat(projection.completedElements(request.processInstanceKey()))
        .contains("notEligible", "rejected")
        .doesNotContain("checkCopyright");
    assertThat(mailTo(patron, "cannot be supplied")).hasSize(1);
    assertThat(loansInUse(patron)).isZero();
  }

  @Test
  void blockedAccountOrFullQuotaIsRejectedWithTheReason() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Blocked Reading", "hku");
    String blocked = fixtures.patron("ACADEMIC");
    jdbc.update(
        "update patron set blocked = true, blocked_reason = 'Unpaid fines' where id = ?", blocked);
    Request first = place(blocked, chapter(isbn, "Blocked Reading", "1", 1, 10, 200));
    awaitStatus(first.id(), RequestStatus.REJECTED);
    assertThat(lastNote(first.id())).contains("blocked (Unpaid fines");

    String full = fixtures.patron("UNDERGRADUATE");
    jdbc.update("update patron set loans_in_use = 15 where id = ?", full);
    Request second = place(full, chapter(isbn, "Blocked Reading", "1", 1, 10, 200));
    awaitStatus(second.id(), RequestStatus.REJECTED);
    assertThat(lastNote(second.id())).contains("quota is used up");
    assertThat(loansInUse(full)).isEqualTo(15);
  }

  @Test
  void undergraduateMayRequestWithConditionsNoted() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "First Year Reader", "hku");
    String patron = fixtures.patron("UNDERGRADUATE");
    Request request = place(patron, chapter(isbn, "First Year Reader", "2", 11, 20, 200));
    awaitScanTask(request);
    assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.SCANNING);
    assertThat(lastNote(request.id()))
        .contains("Conditions apply")
        .contains("copies but not books");
  }

  @Test
  void secondArticleFromTheSameIssueIsRejectedUnderSection47() throws Exception {
    String issn = CopyFixtures.issn();
    fixtures.journal(issn, "Journal of Hong Kong Studies", "hku");
    String patron = fixtures.patron("POSTGRADUATE");
    Request first =
        place(patron, article(issn, "Journal of Hong Kong Studies", "Ports", "12", "3", 1, 12));
    awaitScanTask(first);
    // another issue of the same journal is fine
    Request otherIssue =
        place(patron, article(issn, "Journal of Hong Kong Studies", "Trams", "12", "4", 5, 9));
    awaitScanTask(otherIssue);

    Request second =
        place(patron, article(issn, "Journal of Hong Kong Studies", "Ferries", "12", "3", 13, 20));
    awaitStatus(second.id(), RequestStatus.REJECTED);
    assertThat(lastNote(second.id()))
        .contains("s.47")
        .contains("one journal issue")
        .contains("You may request the physical item on loan instead.");
    assertThat(requests.get(first.id()).status()).isEqualTo(RequestStatus.SCANNING);
    awaitCompleted(second.processInstanceKey());
    assertThat(mailTo(patron, second.id())).hasSize(1);
    assertThat(mailTo(patron, second.id()).get(0).getSubject()).contains("cannot be supplied");
  }

  /**
   * A patron whose language is Traditional Chinese gets the refusal mail in Chinese, with the
   * copyright reason and its numbers; the history note is kept as a code and reads in Chinese for
   * them and in English for staff.
   */
  @Test
  void aChineseSpeakingPatronIsRefusedUnderSection47InChinese() throws Exception {
    String issn = CopyFixtures.issn();
    fixtures.journal(issn, "Journal of Hong Kong Studies", "hku");
    String patron = fixtures.patron("POSTGRADUATE");
    patrons.setLanguage(patron, PatronTexts.CHINESE);
    Request first =
        place(patron, article(issn, "Journal of Hong Kong Studies", "Ports", "12", "3", 1, 12));
    awaitScanTask(first);

    Request second =
        place(patron, article(issn, "Journal of Hong Kong Studies", "Ferries", "12", "3", 13, 20));
    awaitStatus(second.id(), RequestStatus.REJECTED);
    await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(patron, second.id()).size() == 1);
    MimeMessage refusal = mailTo(patron, second.id()).get(0);
    assertThat(refusal.getSubject()).isEqualTo("您的複本申請 " + second.id() + " 未能提供");
    assertThat(body(refusal))
        .contains("《版權條例》第47條容許每人從同一期期刊複印 1 篇文章，而您已從此期申請了 1 篇。")
        .doesNotContain("Copyright Ordinance s.47");

    StatusChange last = requests.history(second.id()).getLast();
    assertThat(last.note()).contains("Copyright Ordinance s.47 allows 1 article");
    assertThat(texts.render(last.text(), PatronTexts.CHINESE))
        .startsWith("《版權條例》第47條")
        .endsWith("您可改為申請借閱實體資料。");
  }

  static String body(MimeMessage message) throws Exception {
    return message.getContent().toString().replace("\r\n", "\n");
  }

  @Test
  void theSameIssueWrittenDifferentlyIsStillOneIssueUnderSection47() {
    String issn = CopyFixtures.issn();
    fixtures.journal(issn, "Journal of Typed Issues", "hku");
    String patron = fixtures.patron("POSTGRADUATE");
    Request first =
        place(patron, article(issn, "Journal of Typed Issues", "Ports", "12", "3", 1, 12));
    awaitScanTask(first);

    Request second =
        place(
            patron,
            article(issn, "Journal of Typed Issues", "Ferries", "Vol. 12", "No. 3", 13, 20));
    awaitStatus(second.id(), RequestStatus.REJECTED);
    assertThat(lastNote(second.id())).contains("s.47");
  }

  /**
   * A "chapter" of pp. 10-250 of a 300-page book is 80% of it: on today's main it passed as one
   * chapter. Now the patron's home library staff review it; refused, the patron is told why.
   */
  @Test
  void aChapterLongerThanAReasonableProportionGoesToStaffWhoMayRefuseOrApproveIt() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Three Hundred Pages", "hku");
    String patron = fixtures.patron("ACADEMIC");
    Request huge = place(patron, chapter(isbn, "Three Hundred Pages", "2", 10, 250, 300));
    OpenTask review = awaitTask(huge.processInstanceKey(), "reviewChapterLength");
    assertThat(review.candidateGroups()).containsExactly("staff-cityu");
    assertThat(userTasks.processVariables(huge.processInstanceKey()))
        .containsEntry("requestPercent", 80.33);
    assertThat(requests.get(huge.id()).status()).isEqualTo(RequestStatus.REQUESTED);
    userTasks.complete(
        review.key(),
        Map.of("chapterReview", "REFUSE", "chapterReviewNote", "pp. 10-250 are chapters 2 to 9"));
    awaitStatus(huge.id(), RequestStatus.REJECTED);
    assertThat(lastNote(huge.id())).contains("s.48").contains("chapters 2 to 9");
    awaitCompleted(huge.processInstanceKey());

    // a long but genuine chapter (25% of a short book) is approved and goes to the supplier
    String other = CopyFixtures.isbn();
    fixtures.book(other, "Short Book", "hku");
    Request longChapter = place(patron, chapter(other, "Short Book", "1", 1, 25, 100));
    OpenTask approve = awaitTask(longChapter.processInstanceKey(), "reviewChapterLength");
    userTasks.complete(approve.key(), Map.of("chapterReview", "APPROVE"));
    awaitScanTask(longChapter);

    // a chapter within 20% is not reviewed at all
    String third = CopyFixtures.isbn();
    fixtures.book(third, "Ordinary Book", "hku");
    awaitScanTask(place(patron, chapter(third, "Ordinary Book", "3", 41, 70, 200)));
  }

  @Test
  void extractOverTenPercentIsRejectedUnderSection48() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Long Book", "hku");
    String patron = fixtures.patron("ACADEMIC");
    // 31 pages of 300, not a named chapter: over 10%
    Request request = place(patron, chapter(isbn, "Long Book", null, 100, 130, 300));
    awaitStatus(request.id(), RequestStatus.REJECTED);
    assertThat(lastNote(request.id()))
        .contains("s.48")
        .contains("1 chapter or 10% of its pages")
        .contains("10.33%");

    // 30 pages of 300 is exactly 10%: allowed
    Request within = place(patron, chapter(isbn, "Long Book", null, 200, 229, 300));
    awaitScanTask(within);
  }

  @Test
  void secondChapterOfTheSameBookOverTenPercentIsRejectedUnderSection48() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Two Chapters", "hku");
    String patron = fixtures.patron("ACADEMIC");
    Request first = place(patron, chapter(isbn, "Two Chapters", "1", 1, 25, 200));
    awaitScanTask(first);
    Request second = place(patron, chapter(isbn, "Two Chapters", "2", 26, 50, 200));
    awaitStatus(second.id(), RequestStatus.REJECTED);
    assertThat(lastNote(second.id())).contains("s.48").contains("2 chapters").contains("25");

    // another patron may have the same chapter: the limit is per person
    String colleague = fixtures.patron("ACADEMIC");
    Request theirs = place(colleague, chapter(isbn, "Two Chapters", "2", 26, 50, 200));
    awaitScanTask(theirs);
  }

  @Test
  void configuredLimitsChangeTheDecision() {
    // a second chapter, 25% of the book: over the defaults ...
    Map<String, Object> facts =
        new java.util.HashMap<>(
            Map.of(
                "kind",
                "CHAPTER",
                "articlesFromIssueBefore",
                0,
                "namedChapter",
                true,
                "chaptersFromWork",
                2,
                "pagesFromWork",
                50,
                "pagesPercent",
                25.0,
                "maxArticlesPerIssue",
                1,
                "maxChaptersPerWork",
                1,
                "maxPercentOfWork",
                10));
    assertThat(decide(facts).get("allowed")).isEqualTo(false);
    // ... within interlend.copying.max-chapters-per-work=2
    facts.put("maxChaptersPerWork", 2);
    assertThat(decide(facts).get("allowed")).isEqualTo(true);
    // ... or within interlend.copying.max-percent-of-work=30 as an extract
    facts.put("maxChaptersPerWork", 1);
    facts.put("namedChapter", false);
    facts.put("maxPercentOfWork", 30);
    assertThat(decide(facts).get("allowed")).isEqualTo(true);
    // two articles per issue allowed by configuration
    Map<String, Object> article =
        new java.util.HashMap<>(
            Map.of(
                "kind",
                "ARTICLE",
                "articlesFromIssueBefore",
                1,
                "namedChapter",
                false,
                "chaptersFromWork",
                0,
                "pagesFromWork",
                10,
                "maxArticlesPerIssue",
                1,
                "maxChaptersPerWork",
                1,
                "maxPercentOfWork",
                10));
    article.put("pagesPercent", null);
    assertThat(decide(article)).containsEntry("allowed", false).containsEntry("rule", "s.47");
    article.put("maxArticlesPerIssue", 2);
    assertThat(decide(article).get("allowed")).isEqualTo(true);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> decide(Map<String, Object> facts) {
    String json =
        client
            .newEvaluateDecisionCommand()
            .decisionId("copyright-limit")
            .variables(facts)
            .send()
            .join()
            .getDecisionOutput();
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
    } catch (Exception e) {
      throw new IllegalStateException(json, e);
    }
  }

  @Test
  void supplierThatCannotSupplyPassesToTheNextAndThenUnfilled() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Rare Title", "eduhk", "hku");
    String patron = fixtures.patron("ACADEMIC");
    Request request = place(patron, chapter(isbn, "Rare Title", "4", 60, 75, 400));

    OpenTask first = awaitScanTask(request);
    assertThat(first.candidateGroups()).containsExactly("staff-hku");
    // a supplier who uploaded part of a scan and then answers "cannot supply" leaves nothing behind
    String partial = fixtures.upload("partial.pdf", new byte[] {1, 2, 3});
    userTasks.complete(
        first.key(),
        Map.of(
            "scanOutcome", "cannotSupply",
            "cannotSupplyReason", "Volume at the bindery",
            "scanFiles", List.of(partial)));

    OpenTask second = awaitNextScanTask(request, first.key());
    assertThat(second.candidateGroups()).containsExactly("staff-eduhk");
    assertThat(store.stat(partial)).as("abandoned upload deleted").isEmpty();
    userTasks.complete(
        second.key(),
        Map.of("scanOutcome", "cannotSupply", "cannotSupplyReason", "Too fragile to scan"));

    awaitStatus(request.id(), RequestStatus.UNFILLED);
    awaitCompleted(request.processInstanceKey());
    assertThat(lastNote(request.id())).contains("Too fragile to scan");
    assertThat(loansInUse(patron)).isZero();
    assertThat(mailTo(patron, "could not be filled")).hasSize(1);
  }

  @Test
  void invalidUploadGoesBackToTheScanningStaffWithItsReason() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Scan Me Twice", "hku");
    String patron = fixtures.patron("ACADEMIC");
    Request request = place(patron, chapter(isbn, "Scan Me Twice", "7", 101, 110, 250));

    OpenTask task = awaitScanTask(request);
    String jpegNamedPdf = fixtures.upload("chapter7.pdf", CopyFixtures.image("jpg", 1));
    supply(task, jpegNamedPdf);

    OpenTask again = awaitNextScanTask(request, task.key());
    assertThat(again.candidateGroups()).containsExactly("staff-hku");
    Map<String, Object> variables = userTasks.processVariables(request.processInstanceKey());
    assertThat(String.valueOf(variables.get("scanProblem")))
        .contains("not a PDF")
        .contains("image/jpeg");
    assertThat(projection.openIncidents(request.processInstanceKey())).isEmpty();
    assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.SCANNING);
    assertThat(store.stat(jpegNamedPdf)).as("refused upload removed").isEmpty();

    // a scan with the wrong number of pages is refused with its own reason
    supply(again, fixtures.upload("chapter7.pdf", CopyFixtures.pdf(3)));
    OpenTask third = awaitNextScanTask(request, again.key());
    assertThat(
            String.valueOf(
                userTasks.processVariables(request.processInstanceKey()).get("scanProblem")))
        .contains("10 pages")
        .contains("has 3 pages");

    supply(third, fixtures.upload("chapter7.pdf", CopyFixtures.pdf(10)));
    awaitStatus(request.id(), RequestStatus.DELIVERED);
  }

  @Test
  void pageImagesAreCombinedIntoOnePdf() throws Exception {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Picture Book", "hku");
    String patron = fixtures.patron("POSTGRADUATE");
    Request request = place(patron, chapter(isbn, "Picture Book", "1", 1, 3, 100));
    OpenTask task = awaitScanTask(request);
    String p1 = fixtures.upload("p1.jpg", CopyFixtures.image("jpg", 1));
    String p2 = fixtures.upload("p2.png", CopyFixtures.image("png", 2));
    String p3 = fixtures.upload("p3.jpeg", CopyFixtures.image("jpg", 3));
    supply(task, p1, p2, p3);

    awaitStatus(request.id(), RequestStatus.DELIVERED);
    var delivery = deliveries.get(request.id());
    try (PDDocument pdf = Loader.loadPDF(fixtures.read(delivery.objectKey()))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(4);
    }
    assertThat(store.stat(p1)).isEmpty();
    assertThat(store.stat(p2)).isEmpty();
    assertThat(store.stat(p3)).isEmpty();
  }

  @Test
  void patronCancelsWhileTheScanIsNotYetSupplied() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Changed My Mind", "hku");
    String patron = fixtures.patron("ACADEMIC");
    Request request = place(patron, chapter(isbn, "Changed My Mind", "5", 50, 60, 300));
    awaitScanTask(request);
    assertThat(loansInUse(patron)).isEqualTo(1);

    client
        .newPublishMessageCommand()
        .messageName("request-cancel")
        .correlationKey(request.id())
        .timeToLive(Duration.ofMinutes(10))
        .send()
        .join();

    awaitStatus(request.id(), RequestStatus.CANCELLED);
    awaitCompleted(request.processInstanceKey());
    assertThat(loansInUse(patron)).isZero();
    assertThat(
            userTasks.open().stream()
                .filter(t -> t.processInstanceKey() == request.processInstanceKey()))
        .isEmpty();
    // the outbox sends the mail after the job that recorded it: wait for it
    await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(patron, "is cancelled").size() == 1);
  }

  /**
   * The supplier's scan has a deadline (1 to 3 working days promised): reminded, then its managers.
   */
  @Test
  void aScanNotSuppliedInTimeRemindsTheSupplierThenTellsItsManagers() {
    String isbn = CopyFixtures.isbn();
    fixtures.book(isbn, "Slow Scan", "eduhk");
    String patron = fixtures.patron("ACADEMIC");
    Request request = place(patron, chapter(isbn, "Slow Scan", "1", 1, 10, 200));
    OpenTask scan = awaitScanTask(request);
    String supplier = scan.candidateGroups().get(0).substring("staff-".length());
    Map<String, Object> v = userTasks.processVariables(request.processInstanceKey());
    java.time.Instant remindAt = java.time.Instant.parse(String.valueOf(v.get("taskRemindAt")));
    java.time.Instant escalateAt = java.time.Instant.parse(String.valueOf(v.get("taskEscalateAt")));

    engine.increaseTime(java.time.Duration.between(engine.now(), remindAt).plusMinutes(1));
    awaitSubjectTo(
        "ill-" + supplier + "@interlend.local",
        "Reminder: \"Scan and upload\" for request " + request.id());
    engine.increaseTime(java.time.Duration.between(engine.now(), escalateAt).plusMinutes(1));
    awaitSubjectTo(
        "ill-managers-" + supplier + "@interlend.local",
        "Overdue task: \"Scan and upload\" for request " + request.id());
    assertThat(userTasks.find(scan.key())).isPresent();
    client.newCancelInstanceCommand(request.processInstanceKey()).send().join();
  }

  void awaitSubjectTo(String to, String subject) {
    await()
        .pollInSameThread()
        .atMost(WAIT)
        .until(
            () ->
                java.util.Arrays.stream(mail.getReceivedMessages())
                    .anyMatch(
                        m -> {
                          try {
                            return m.getAllRecipients()[0].toString().equals(to)
                                && m.getSubject().contains(subject);
                          } catch (Exception e) {
                            return false;
                          }
                        }));
  }
}
