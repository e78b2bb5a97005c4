package org.interlend.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.TestPatrons;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.engine.UserTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The digital copy flow in a real browser (Debian's chromium, headless, through its chromedriver):
 * a patron signs in, searches, places a digital request; the supplier's staff scan and upload in
 * the local staff desk; the patron downloads the watermarked PDF five times, and the sixth download
 * is refused with the message.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DigitalCopyBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired UserTasks userTasks;

  @TempDir Path temp;
  Path downloads;
  Browser browser;

  @BeforeEach
  void startBrowser() throws Exception {
    downloads = Files.createDirectories(temp.resolve("downloads"));
    browser = Browser.start(port, temp.resolve("profile"), downloads);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private void open(String path) {
    browser.open(path);
  }

  private void signIn(String user) {
    browser.signIn(user);
  }

  private String text() {
    return browser.text();
  }

  private void waitFor(String expected) {
    browser.waitFor(expected);
  }

  @Test
  void aPatronGetsAScannedChapterAndMayDownloadItFiveTimes() throws Exception {
    String patron = TestPatrons.create(jdbc, "POSTGRADUATE");

    // the patron signs in, searches the union catalogue, and asks for a chapter
    signIn(patron);
    waitFor("Welcome");
    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    WebElement search = browser.driver.findElement(By.id("q"));
    search.sendKeys("copyright law");
    search.submit();
    waitFor("Requestable through HKALL.");
    assertThat(text()).contains("Hong Kong Copyright Law in Practice");
    // the language switch: the same search in Traditional Chinese, and back
    browser.driver.findElement(By.linkText("繁體中文")).click();
    waitFor("可經港書網申請");
    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
        .isEqualTo("zh-TW");
    browser.driver.findElement(By.linkText("English")).click();
    waitFor("Requestable through HKALL.");
    browser.driver.findElement(By.linkText("Request a digital chapter or article")).click();
    assertThat(browser.driver.findElement(By.id("f-title")).getAttribute("value"))
        .isEqualTo("Hong Kong Copyright Law in Practice");

    // bad input first: nothing is placed, the message says why
    browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor("The request was not placed");
    assertThat(text()).contains("affirm every statement of the declaration");
    assertThat(requests.forPatron(patron)).isEmpty();

    browser.driver.findElement(By.id("f-chapter")).sendKeys("2");
    browser.driver.findElement(By.id("f-pageStart")).sendKeys("41");
    browser.driver.findElement(By.id("f-pageEnd")).sendKeys("42");
    browser.driver.findElement(By.id("f-totalPages")).sendKeys("320");
    for (String statement :
        List.of(
            "researchOrPrivateStudy",
            "notSuppliedBefore",
            "notRelatedToOtherPerson",
            "noRedistribution")) {
      browser.driver.findElement(By.id("f-" + statement)).click();
    }
    browser.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    waitFor("placed. You will be told");
    Request request = requests.forPatron(patron).get(0);
    assertThat(browser.driver.getCurrentUrl()).endsWith("/portal/requests/" + request.id());

    // the supplier's staff get the scan task in the local staff desk
    long instance = request.processInstanceKey();
    UserTasks.OpenTask task =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    userTasks.open().stream()
                        .filter(
                            t ->
                                t.processInstanceKey() == instance
                                    && t.elementId().equals("scanAndUpload"))
                        .findFirst()
                        .orElse(null),
                t -> t != null);
    String group = task.candidateGroups().get(0);
    signIn(group);
    waitFor("Requests");
    open("/desk");
    browser.click("a[href='/desk/tasks/" + task.key() + "']");
    waitFor("Scan and upload");
    browser.awaitTaskForm();
    assertThat(text()).contains(request.id()).contains("Hong Kong Copyright Law in Practice");
    browser.chooseRadio("Supplied: scan uploaded");
    browser.attach("scanFiles", scan(temp.resolve("scan.pdf"), 2));
    browser.completeTask();
    waitFor("Completed \"Scan and upload\" for " + request.id());

    // delivered: the patron downloads the watermarked copy
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> requests.get(request.id()).status() == RequestStatus.DELIVERED);
    signIn(patron);
    waitFor("Welcome");
    open("/portal/requests/" + request.id());
    waitFor("5 of 5");
    assertThat(text()).contains("Delivered");
    WebElement download =
        browser.driver.findElement(By.xpath("//button[normalize-space()='Download the PDF']"));
    for (int i = 1; i <= 5; i++) {
      download.click();
      int expected = i;
      await().atMost(Duration.ofSeconds(20)).until(() -> finishedDownloads().size() == expected);
    }
    Path first = finishedDownloads().get(0);
    try (PDDocument pdf = Loader.loadPDF(first.toFile())) {
      String content = new PDFTextStripper().getText(pdf);
      assertThat(content).contains(request.id()).contains(patron).contains("Copyright");
    }

    // the sixth is refused, with the message
    download.click();
    waitFor("All 5 downloads of this copy have been used");
    assertThat(finishedDownloads()).hasSize(5);
    open("/portal/requests/" + request.id());
    assertThat(text()).contains("0 of 5").doesNotContain("Download the PDF");
  }

  private List<Path> finishedDownloads() throws Exception {
    try (Stream<Path> files = Files.list(downloads)) {
      return files
          .filter(p -> !p.getFileName().toString().endsWith(".crdownload"))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(p -> p.toFile().lastModified()))
          .toList();
    }
  }

  /** A small scan of the requested pages, as a library's scanner would produce it. */
  private static Path scan(Path file, int pages) throws Exception {
    try (PDDocument pdf = new PDDocument()) {
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage();
        pdf.addPage(page);
        try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
          text.beginText();
          text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
          text.newLineAtOffset(72, 700);
          text.showText("Scanned page " + (40 + i));
          text.endText();
        }
      }
      pdf.save(file.toFile());
    }
    return file;
  }
}
