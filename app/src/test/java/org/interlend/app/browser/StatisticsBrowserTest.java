package org.interlend.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.interlend.InterlendApplication;
import org.interlend.calendar.LibraryCalendar;
import org.interlend.statistics.StatisticsMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The managers' statistics page in a real browser (Debian's chromium, headless): a lender with
 * three HKALL asks (one shipped and received in 3 working days, one in 8, one refused) shows fill
 * rate, median turnaround and the share within the 5-working-day promise; the same figures are on
 * the Prometheus endpoint; staff who are not managers cannot open the page.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StatisticsBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired StatisticsMetrics metrics;

  @TempDir Path temp;
  WebDriver browser;

  @BeforeEach
  void startBrowser() throws Exception {
    assumeTrue(
        Files.isExecutable(Browser.CHROMIUM) && Files.isExecutable(Browser.CHROMEDRIVER),
        "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(Browser.CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,1024",
        "--user-data-dir=" + Files.createDirectories(temp.resolve("profile")));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Browser.CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private void open(String path) {
    browser.get("http://127.0.0.1:" + port + path);
  }

  private void signIn(String user) {
    browser.manage().deleteAllCookies();
    open("/login");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("main form button[type=submit]")).click();
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  @Test
  void aManagerSeesALendersTurnaroundAndFillRateAgainstThePromise() {
    String lender = lenderWithThreeAsks();

    signIn("manager");
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(text()).doesNotContain("Password"));
    open("/staff/statistics");
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(text()).contains("Turnaround and fill rate"));
    assertThat(text()).contains("HKALL books").contains("Promised: about 5 working days");

    WebElement row =
        browser.findElement(By.cssSelector("#table-HKALL tr[data-supplier='" + lender + "']"));
    List<String> cells =
        row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    // supplier, requests, filled, not filled, fill rate, median, within promise
    assertThat(cells)
        .containsExactly(
            "Statistics lender " + lender, "3", "2", "1", "67%", "5.5 working days", "50%");
    // the lender stands in the rota with its three answers
    WebElement standing =
        browser.findElement(By.cssSelector("#table-rota tr[data-lender='" + lender + "']"));
    assertThat(standing.getText()).contains("Statistics lender " + lender);

    // the same figures on the Prometheus endpoint
    metrics.refresh();
    open("/actuator/prometheus");
    String scrape = text();
    assertThat(scrape)
        .contains("interlend_fill_rate{service=\"HKALL\",supplier=\"" + lender + "\"} 0.666")
        .contains(
            "interlend_turnaround_median_days{service=\"HKALL\",supplier=\"" + lender + "\"} 5.5")
        .contains(
            "interlend_within_promise_ratio{service=\"HKALL\",supplier=\"" + lender + "\"} 0.5")
        .contains("interlend_promised_days{service=\"HKALL\"} 5.0");

    // library staff who are not managers do not see it
    signIn("staff-hku");
    await()
        .atMost(Duration.ofSeconds(15))
        .ignoreExceptions()
        .untilAsserted(() -> assertThat(text()).doesNotContain("Password"));
    open("/staff/statistics");
    assertThat(text()).doesNotContain("Turnaround and fill rate");
  }

  /**
   * A lender of its own (open every day, so the working days are Monday to Friday) with three asks
   * five weeks ago: shipped and received on Thursday (3 working days), shipped and received on the
   * next Thursday (8), refused.
   */
  private String lenderWithThreeAsks() {
    String code = "st-" + UUID.randomUUID().toString().substring(0, 6);
    jdbc.update(
        "insert into library (code, name, name_zh, staff_group, rota_rank, allows_renewal,"
            + " replacement_charge, processing_fee) values (?, ?, '統計測試', ?,"
            + " (select max(rota_rank) + 1 from library), true, 400, 100)",
        code,
        "Statistics lender " + code,
        "staff-" + code);
    String patron = "PS" + UUID.randomUUID().toString().substring(0, 6);
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, 'Stats Patron', ?, 'UNDERGRADUATE', ?)",
        patron,
        patron.toLowerCase() + "@test.example",
        code);
    LocalDate monday =
        LocalDate.now(LibraryCalendar.ZONE)
            .minusWeeks(5)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    request(code, patron, monday, monday.plusDays(3), "SHIPPED");
    request(code, patron, monday, monday.plusDays(10), "SHIPPED");
    request(code, patron, monday, null, "REFUSED");
    return code;
  }

  private void request(
      String lender, String patron, LocalDate placed, LocalDate received, String outcome) {
    String id = "R-" + jdbc.queryForObject("select nextval('request_number')", Long.class);
    Timestamp at = Timestamp.from(placed.atTime(10, 0).atZone(LibraryCalendar.ZONE).toInstant());
    jdbc.update(
        "insert into request (id, kind, patron_id, title, status, created_at, updated_at)"
            + " values (?, 'PHYSICAL', ?, 'Statistics title', ?, ?, ?)",
        id,
        patron,
        received == null ? "UNFILLED" : "RECEIVED",
        at,
        at);
    jdbc.update(
        "insert into request_event (request_id, status, actor, at) values (?, 'REQUESTED', 'patron', ?)",
        id,
        at);
    Timestamp answered = Timestamp.from(at.toInstant().plus(Duration.ofHours(20)));
    jdbc.update(
        "insert into lender_ask (request_id, lender_code, asked_at, answered_at, outcome) values (?, ?, ?, ?, ?)",
        id,
        lender,
        at,
        answered,
        outcome);
    if (received != null) {
      jdbc.update(
          "insert into request_event (request_id, status, actor, at) values (?, 'RECEIVED', 'staff', ?)",
          id,
          Timestamp.from(received.atTime(11, 0).atZone(LibraryCalendar.ZONE).toInstant()));
    }
  }
}
