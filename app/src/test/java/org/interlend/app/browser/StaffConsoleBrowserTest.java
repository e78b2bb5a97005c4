package org.interlend.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.interlend.InterlendApplication;
import org.interlend.app.portal.TestPatrons;
import org.interlend.lending.PhysicalRequests;
import org.interlend.requests.Request;
import org.interlend.requests.RequestLauncher;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.engine.EmbeddedEngine;
import org.interlend.workflows.engine.EngineProjection;
import org.interlend.workflows.engine.UserTasks;
import org.interlend.workflows.engine.UserTasks.OpenTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A librarian's day in a real browser (Debian's chromium): finding a loan in the staff console by
 * the patron's name and by the item's barcode, reading its timeline, checking the item in at the
 * counter; an overseas request walked from the patron's portal to a loan and back through the user
 * interfaces only (the desk's forms, rendered by form-js, and the console's counter); and a failed
 * step retried from the console once its cause is fixed.
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffConsoleBrowserTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired PhysicalRequests physical;
  @Autowired RequestLauncher launcher;
  @Autowired UserTasks userTasks;
  @Autowired EngineProjection projection;
  @Autowired EmbeddedEngine engine;

  @TempDir Path temp;
  Browser browser;

  @BeforeEach
  void startBrowser() throws Exception {
    browser = Browser.start(port, temp.resolve("profile"), null);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aLibrarianFindsALoanByPatronNameAndBarcodeReadsItsTimelineAndChecksTheItemIn() {
    String patron = TestPatrons.create(jdbc, "POSTGRADUATE");
    String name = "Test Patron " + patron;
    String barcode = "HKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    long bib = title("Counter Work in Practice", "hku", barcode);
    Request r = physical.place(patron, bib);
    // the loan's earlier steps, done by the staff of each library
    complete(
        r,
        "hkallPullAndShip",
        "staff-hku",
        Map.of("pullOutcome", "SHIPPED", "pullNote", "courier 4711"));
    complete(
        r,
        "hkallReceiveItem",
        "staff-cityu",
        Map.of("itemReceived", true, "receiveNote", "corner bent"));
    complete(r, "hkallCheckOut", "staff-cityu", Map.of("patronIdentified", true));
    await().atMost(WAIT).until(() -> requests.get(r.id()).status() == RequestStatus.ON_LOAN);

    browser.signIn("staff-cityu");
    browser.waitFor("Requests");
    assertThat(browser.text()).contains("Signed in as staff-cityu");

    // by the patron's name
    browser.find("#q").sendKeys(name);
    browser.find("#q").submit();
    browser.waitFor(r.id());
    assertThat(browser.text()).contains("Counter Work in Practice").contains(barcode);
    browser.driver.findElement(By.linkText(r.id())).click();
    browser.waitFor("What the process is doing now");
    assertThat(browser.find("#status").getText()).isEqualTo("ON LOAN");
    String timeline = browser.find(".timeline").getText();
    assertThat(timeline)
        .contains("Task completed: Pull and ship")
        .contains("staff-hku")
        .contains("Outcome: Shipped")
        .contains("Task completed: Receive item")
        .contains("Ready for pickup")
        .contains("ON LOAN");
    assertThat(browser.find(".timeline").getAttribute("innerHTML"))
        .contains("corner bent")
        .contains("courier 4711");

    // by the item's barcode
    browser.open("/staff?q=" + barcode);
    browser.waitFor(r.id());

    // at the counter: the barcode scanned finds the loan, which is checked in once confirmed
    browser.open("/staff");
    browser.find("#barcode").sendKeys(barcode);
    browser.find("#barcode").submit();
    browser.waitFor("Check in the returned item");
    assertThat(browser.find("#ci-barcode").getAttribute("value")).isEqualTo(barcode);
    browser.click("#check-in input[name=confirm]");
    browser.click("#check-in button[type=submit]");
    browser.waitFor("Checked in " + r.id() + ": returned on time, no fine.");
    await()
        .atMost(WAIT)
        .until(() -> requests.get(r.id()).status().ordinal() >= RequestStatus.RETURNED.ordinal());
    browser.open("/staff/requests/" + r.id());
    assertThat(browser.find(".timeline").getText())
        .contains("Checked in at the counter (barcode " + barcode + ")")
        .contains("RETURNED");

    // sign-out from the console
    browser.click("header form.who button");
    browser.waitFor("You have signed out");
  }

  @Test
  void anOverseasRequestGoesFromThePortalToALoanAndBackThroughTheUserInterfacesOnly() {
    String patron = TestPatrons.create(jdbc, "ACADEMIC");
    String title = "Rare Manuscripts of Canton " + UUID.randomUUID().toString().substring(0, 6);

    // the patron asks the library to get the book from overseas
    browser.signIn(patron);
    browser.waitFor("Welcome");
    browser.open("/portal/overseas");
    browser.click("#f-type");
    browser.click("#f-purpose");
    browser.find("#f-title").sendKeys(title);
    browser.find("#f-author").sendKeys("Wong, K.");
    browser.find("#f-isbn").sendKeys("9789620000001");
    browser.click("main form button[type=submit]");
    browser.waitFor("placed");
    Request r = requests.forPatron(patron).get(0);
    long instance = r.processInstanceKey();

    // the home library's staff source it in the desk: the form refuses an empty answer
    browser.signIn("staff-cityu");
    browser.waitFor("Requests");
    OpenTask sourcing = openTaskInDesk(instance, "sourceFromPartner");
    assertThat(browser.text())
        .contains(r.id())
        .contains(title)
        .contains("Wong, K.")
        .contains("9789620000001")
        .contains("Teaching or research");
    browser.completeTask();
    browser.waitFor("The task was not completed");
    assertThat(userTasks.find(sourcing.key())).isPresent();
    browser.chooseRadio("A partner can supply");
    browser.completeTask();
    browser.waitFor("The task was not completed");
    browser.select("partnerCode", "National Library of China");
    browser.type("estimatedCost", "1000");
    browser.select("currency", "CNY (renminbi)");
    browser.chooseRadio("Physical item (loan)");
    browser.type("deliveryEstimate", "6 weeks");
    browser.completeTask();
    browser.waitFor("Completed \"Source from partner\" for " + r.id());

    // over the budget: a manager approves the cost, shown in HK$
    browser.signIn("manager");
    browser.waitFor("Requests");
    openTaskInDesk(instance, "approveOverseasCost", "cost-approval");
    assertThat(browser.text())
        .contains("HK$1,080.00")
        .contains("CNY 1,000.00")
        .contains("National Library of China");
    browser.chooseRadio("Approve the whole cost");
    browser.completeTask();
    browser.waitFor("Completed \"Approve overseas cost\"");

    // the order
    browser.signIn("staff-cityu");
    browser.waitFor("Requests");
    openTaskInDesk(instance, "placeOverseasOrder");
    browser.type("orderReference", "NLC-2026-" + r.id());
    browser.completeTask();
    browser.waitFor("Completed \"Place order\" for " + r.id());
    await().atMost(WAIT).until(() -> requests.get(r.id()).status() == RequestStatus.ORDERED);

    // the item arrives: recorded at the console's counter, from the "ordered overseas" queue
    browser.open("/staff?queue=ORDERED_OVERSEAS");
    browser.waitFor(r.id());
    browser.driver.findElement(By.linkText(r.id())).click();
    browser.waitFor("Record the item's arrival");
    browser.click("#arrival summary");
    browser.find("#ar-note").sendKeys("in good condition");
    browser.click("#arrival input[name=confirm]");
    browser.click("#arrival button[type=submit]");
    browser.waitFor("Arrival of " + r.id() + " recorded");
    await().atMost(WAIT).until(() -> requests.get(r.id()).status() == RequestStatus.RECEIVED);

    // the partner's terms from its slip, in the desk: the patron's due date comes before the
    // partner's
    openTaskInDesk(instance, "recordPartnerTerms");
    assertThat(browser.text()).contains("National Library of China");
    browser.completeTask();
    browser.waitFor("The task was not completed");
    browser.typeDate("partnerDueDate", java.time.LocalDate.now().plusDays(90).toString());
    browser.completeTask();
    browser.waitFor("Completed \"Record the partner's loan terms\" for " + r.id());

    // pickup, as for HKALL items: the notice, then checkout at the counter in the desk
    OpenTask checkout = openTaskInDesk(instance, "overseasCheckOut");
    assertThat(browser.text())
        .contains("National Library of China")
        .contains("Pick up by")
        .contains("Due back on");
    browser.completeTask();
    browser.waitFor("The task was not completed");
    browser.tick("patronIdentified");
    browser.completeTask();
    browser.waitFor("Completed \"Check out at the counter\" for " + r.id());
    assertThat(userTasks.find(checkout.key())).isEmpty();
    await().atMost(WAIT).until(() -> requests.get(r.id()).status() == RequestStatus.ON_LOAN);

    browser.open("/staff/requests/" + r.id());
    assertThat(browser.find(".timeline").getText())
        .contains("Recorded the arrival: in good condition")
        .contains("Ready for pickup")
        .contains("Task completed: Check out at the counter")
        .contains("ON LOAN");

    // returned at the counter (the overseas item carries its request id): the request completes
    browser.click("#check-in summary");
    browser.find("#ci-barcode").sendKeys(r.id());
    browser.click("#check-in input[name=confirm]");
    browser.click("#check-in button[type=submit]");
    browser.waitFor("Checked in " + r.id());
    // and the home library ships it back to the partner
    openTaskInDesk(instance, "shipBackToPartner");
    assertThat(browser.text()).contains("National Library of China");
    browser.tick("shippedBack");
    browser.completeTask();
    browser.waitFor("Completed \"Ship back to the overseas partner\" for " + r.id());
    await().atMost(WAIT).until(() -> requests.get(r.id()).status() == RequestStatus.COMPLETED);
  }

  @Test
  void aFailedStepIsRetriedFromTheConsoleOnceItsCauseIsFixed() {
    String patron = TestPatrons.create(jdbc, "ACADEMIC");
    Request r =
        launcher.launch(
            "OVERSEAS",
            "overseas-request",
            patron,
            "Partner Trouble",
            Map.of("title", "Partner Trouble", "itemType", "BOOK", "purpose", "TEACHING_RESEARCH"));
    long instance = r.processInstanceKey();
    // sourced from a partner missing from the reference data: converting the cost fails every time
    String partner = "p" + UUID.randomUUID().toString().substring(0, 8);
    OpenTask sourcing = awaitTask(instance, "sourceFromPartner");
    userTasks.claim(sourcing.key(), "staff-cityu");
    userTasks.complete(
        sourcing.key(),
        Map.of(
            "sourcingResult",
            "FOUND",
            "partnerCode",
            partner,
            "estimatedCost",
            100,
            "currency",
            "HKD",
            "format",
            "PHYSICAL"));
    // the job uses up its retries (their backoff passes on the engine's clock)
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!projection.openIncidents(instance).isEmpty()) {
                return true;
              }
              engine.increaseTime(Duration.ofMinutes(3));
              return false;
            });

    browser.signIn("staff-cityu");
    browser.waitFor("Needs attention");
    browser.open("/staff?queue=NEEDS_ATTENTION");
    browser.waitFor(r.id());
    browser.driver.findElement(By.linkText(r.id())).click();
    browser.waitFor("Convert the cost to HK$ failed");
    assertThat(browser.find(".incident").getText()).contains("unknown overseas partner " + partner);

    // the cause is fixed: the partner joins the reference data; the librarian retries
    jdbc.update(
        "insert into overseas_partner (code, name, country, currency) values (?, 'Test Partner Library', 'GB', 'GBP')",
        partner);
    browser.click(".incident input[name=confirm]");
    browser.click(".incident button[type=submit]");
    browser.waitFor("Retried: the step runs again");
    awaitTask(instance, "placeOverseasOrder");
    assertThat(projection.openIncidents(instance)).isEmpty();
    browser.open("/staff/requests/" + r.id());
    browser.waitFor("Place order");
    assertThat(browser.text()).doesNotContain("Needs attention");
    assertThat(browser.find(".timeline").getText()).contains("Retried \"Convert the cost to HK$\"");
  }

  /** Opens the instance's task in the local desk, from the task list, and waits for its form. */
  private OpenTask openTaskInDesk(long instance, String elementId) {
    return openTaskInDesk(instance, elementId, null);
  }

  private OpenTask openTaskInDesk(long instance, String elementId, String childProcess) {
    OpenTask task =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    userTasks.open().stream()
                        .filter(t -> t.elementId().equals(elementId))
                        .filter(
                            t ->
                                t.processInstanceKey() == instance
                                    || (childProcess != null
                                        && projection
                                            .children(instance, childProcess)
                                            .contains(t.processInstanceKey())))
                        .findFirst()
                        .orElse(null),
                t -> t != null);
    browser.open("/desk");
    browser.click("a[href='/desk/tasks/" + task.key() + "']");
    browser.awaitTaskForm();
    return task;
  }

  private OpenTask awaitTask(long instance, String elementId) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                userTasks.open().stream()
                    .filter(
                        t -> t.processInstanceKey() == instance && t.elementId().equals(elementId))
                    .findFirst()
                    .orElse(null),
            t -> t != null);
  }

  private void complete(Request r, String elementId, String staff, Map<String, Object> variables) {
    OpenTask task = awaitTask(r.processInstanceKey(), elementId);
    userTasks.claim(task.key(), staff);
    userTasks.complete(task.key(), variables);
  }

  private long title(String title, String library, String barcode) {
    long bib =
        jdbc.queryForObject(
            "insert into bib (title, author) values (?, 'Librarian, A.') returning id",
            Long.class,
            title);
    jdbc.update(
        "insert into item (bib_id, library_code, barcode, format, collection, status) values (?, ?, ?, 'BOOK', 'GENERAL', 'AVAILABLE')",
        bib,
        library,
        barcode);
    return bib;
  }
}
