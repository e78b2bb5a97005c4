package org.interlend.workflows.lending;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.camunda.zeebe.model.bpmn.Bpmn;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.interlend.lending.lifecycle.EngineTime;
import org.interlend.lending.lifecycle.FineLedger;
import org.interlend.lending.lifecycle.LoanDesk;
import org.interlend.lending.lifecycle.LoanLifecycle;
import org.interlend.lending.lifecycle.Loans;
import org.interlend.lending.lifecycle.PatronLoan;
import org.interlend.lending.rules.LoanCalendar;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.workflows.ProcessTest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shared set-up of the loan-lifecycle process tests: each test gets its own patron (with its own
 * mail domain), request and lifecycle instance started at the engine's current time. Instances a
 * test leaves open are cancelled afterwards so that later time travel does not drive them on.
 */
abstract class LoanLifecycleBaseTest extends ProcessTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired Requests requests;
  @Autowired Loans loans;
  @Autowired LoanLifecycle lifecycle;
  @Autowired LoanDesk desk;
  @Autowired FineLedger ledger;
  @Autowired GreenMail mail;

  private static boolean clockDeployed;
  private final List<Long> started = new ArrayList<>();

  /** One test loan: its patron, request, instance, and the HK date it was checked out. */
  record TestLoan(
      String patronId, String email, String requestId, long instance, Instant checkoutAt) {
    LocalDate checkoutDate() {
      return LoanCalendar.dateOf(checkoutAt);
    }
  }

  /** A fresh patron of a category with this loan period, and a request of theirs. */
  record Borrower(String patronId, String email, String requestId) {}

  /**
   * The home library of the test borrowers: one that is never closed, so that these tests of the
   * loan rules get the same due dates whatever day they run and however far time travel has gone
   * (the holidays' effect on due dates has its own tests).
   */
  static final String ALWAYS_OPEN_HOME = "open-every-day";

  Borrower borrower(int loanDays) {
    return borrower(loanDays, ALWAYS_OPEN_HOME);
  }

  /** A library of its own (for calendar tests), open every day until a test closes it. */
  String library(String code) {
    jdbc.update(
        "insert into library (code, name, name_zh, staff_group, rota_rank, allows_renewal,"
            + " replacement_charge, processing_fee) values (?, ?, '測試圖書館', 'staff-' || ?,"
            + " (select max(rota_rank) + 1 from library), true, 400.00, 100.00)",
        code,
        "Test library " + code,
        code);
    return code;
  }

  Borrower borrower(int loanDays, String homeLibrary) {
    jdbc.update(
        "insert into library (code, name, name_zh, staff_group, rota_rank, allows_renewal,"
            + " replacement_charge, processing_fee) values (?, 'A library open every day',"
            + " '每日開放的圖書館', 'staff-' || ?, 900, true, 400.00, 100.00) on conflict (code) do nothing",
        ALWAYS_OPEN_HOME,
        ALWAYS_OPEN_HOME);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String patronId = "PLC-" + suffix;
    String email = "reader@" + suffix + ".lifecycle.test";
    jdbc.update(
        "insert into patron (id, name, email, category, home_library) values (?, ?, ?, ?, ?)",
        patronId,
        "Lifecycle Reader " + suffix,
        email,
        loanDays >= 30 ? "POSTGRADUATE" : "UNDERGRADUATE",
        homeLibrary);
    String requestId =
        requests.create("PHYSICAL", patronId, "Loan rules in practice " + suffix).id();
    return new Borrower(patronId, email, requestId);
  }

  /** Starts loan-lifecycle directly, checked out now (engine time), and waits for ON LOAN. */
  TestLoan checkOut(String lenderCode, int loanDays) {
    return checkOut(lenderCode, loanDays, borrower(loanDays));
  }

  TestLoan checkOut(String lenderCode, int loanDays, Borrower b) {
    String patronId = b.patronId();
    String requestId = b.requestId();
    String email = b.email();
    Instant checkoutAt = engineNow();
    Map<String, Object> vars = new HashMap<>();
    vars.put("requestId", requestId);
    vars.put("patronId", patronId);
    vars.put("lenderCode", lenderCode);
    vars.put("loanDays", loanDays);
    vars.put("checkoutAt", checkoutAt.toString());
    long instance = started(start("loan-lifecycle", vars));
    // the loan process stands in for the request's process here (it is called from it in real use)
    requests.attachProcess(requestId, instance);
    TestLoan loan = new TestLoan(patronId, email, requestId, instance, checkoutAt);
    awaitStatus(loan, RequestStatus.ON_LOAN);
    return loan;
  }

  /** Remembers an instance to cancel after the test if it is still running. */
  long started(long instance) {
    started.add(instance);
    return instance;
  }

  /**
   * The engine's clock (which time travel moves), read through FEEL now() like the process does.
   */
  Instant engineNow() {
    synchronized (LoanLifecycleBaseTest.class) {
      if (!clockDeployed) {
        client
            .newDeployResourceCommand()
            .addProcessModel(
                Bpmn.createExecutableProcess("lifecycle-test-clock")
                    .startEvent()
                    .scriptTask(
                        "readClock", t -> t.zeebeExpression("now()").zeebeResultVariable("now"))
                    .endEvent()
                    .done(),
                "lifecycle-test-clock.bpmn")
            .send()
            .join();
        clockDeployed = true;
      }
    }
    Object now =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("lifecycle-test-clock")
            .latestVersion()
            .withResult()
            .send()
            .join()
            .getVariablesAsMap()
            .get("now");
    return EngineTime.parse("now", now);
  }

  PatronLoan loan(TestLoan l) {
    return loans.get(l.requestId());
  }

  void awaitStatus(TestLoan l, RequestStatus status) {
    await()
        .pollInSameThread()
        .atMost(WAIT)
        .failFast("an incident was raised", () -> !projection.openIncidents(l.instance()).isEmpty())
        .until(() -> requests.get(l.requestId()).status() == status);
  }

  /** Waits for the lender's "Record loss or damage" task of this loan. */
  org.interlend.workflows.engine.UserTasks.OpenTask awaitLossTask(TestLoan l) {
    return await()
        .pollInSameThread()
        .atMost(WAIT)
        .failFast(
            "an incident was raised",
            () -> {
              var incidents = projection.openIncidents(l.instance());
              if (!incidents.isEmpty()) {
                throw new AssertionError("incidents: " + incidents);
              }
              return false;
            })
        .until(
            () ->
                userTasks.open().stream()
                    .filter(
                        t ->
                            t.processInstanceKey() == l.instance()
                                && t.elementId().equals("recordLossOrDamage"))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  <T> T awaitLoan(TestLoan l, Predicate<PatronLoan> done) {
    @SuppressWarnings("unchecked")
    T loan =
        (T)
            await()
                .pollInSameThread()
                .atMost(WAIT)
                .failFast(
                    "an incident was raised",
                    () -> !projection.openIncidents(l.instance()).isEmpty())
                .until(() -> loans.get(l.requestId()), done);
    return loan;
  }

  /** Mails sent to the test patron whose subject starts with {@code prefix}. */
  List<MimeMessage> mails(TestLoan l, String prefix) {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> recipient(m).equals(l.email()) && subject(m).startsWith(prefix))
        .toList();
  }

  void awaitMails(TestLoan l, String prefix, int count) {
    await().pollInSameThread().atMost(WAIT).until(() -> mails(l, prefix).size() >= count);
  }

  /**
   * The current value of a variable in a process instance (JSON values: maps, strings, numbers).
   */
  Object variable(long instance, String name) {
    return projection.variables(instance).get(name);
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      return "";
    }
  }

  static String body(MimeMessage m) {
    try {
      return String.valueOf(m.getContent());
    } catch (Exception e) {
      return "";
    }
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (Exception e) {
      return "";
    }
  }

  @AfterEach
  void cancelOpenInstances() {
    for (long instance : started) {
      if (!projection.completed(instance) && !projection.terminated(instance)) {
        try {
          client.newCancelInstanceCommand(instance).send().join();
        } catch (RuntimeException e) {
          // ended meanwhile
        }
      }
    }
  }
}
