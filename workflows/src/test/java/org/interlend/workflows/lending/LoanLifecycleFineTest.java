package org.interlend.workflows.lending;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.interlend.lending.lifecycle.FineEntry;
import org.interlend.lending.lifecycle.PatronLoan;
import org.interlend.requests.RequestStatus;
import org.junit.jupiter.api.Test;

/** Overdue notices and fines through the running process, with engine time travel. */
class LoanLifecycleFineTest extends LoanLifecycleBaseTest {

  @org.springframework.beans.factory.annotation.Autowired org.interlend.notices.Notices notices;

  @Test
  void overdueNoticeAtTheDueDateThenTwoDollarsPerDayChargedAtReturn() {
    TestLoan l = checkOut("hku", 15);
    var d0 = l.checkoutDate();

    engine.increaseTime(Duration.ofDays(16)); // the loan is due d0+15, overdue from d0+16 00:00 HKT
    awaitStatus(l, RequestStatus.OVERDUE);
    awaitMails(l, "Overdue", 1);
    assertThat(body(mails(l, "Overdue").getFirst()))
        .contains("was due on " + d0.plusDays(15))
        .contains("HK$2.00 per calendar day");

    engine.increaseTime(Duration.ofDays(2)); // returned on d0+18: 3 days late
    PatronLoan returned = desk.checkIn(l.requestId(), "staff-cityu", WAIT).orElseThrow();
    awaitCompleted(l.instance());

    assertThat(returned.returnedAt()).isNotNull();
    assertThat(ledger.forLoan(l.requestId()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo("OVERDUE");
              assertThat(f.amount()).isEqualByComparingTo("6.00");
              assertThat(f.description()).contains("3 day(s) at HK$2.00/day");
            });
    assertThat(ledger.statement(l.patronId()).total()).isEqualByComparingTo("6.00");
    assertThat(requests.get(l.requestId()).status()).isEqualTo(RequestStatus.RETURNED);
    awaitMails(l, "Returned", 1);
    assertThat(body(mails(l, "Returned").getFirst())).contains("Overdue fine charged: HK$6.00");
    assertThat(variable(l.instance(), "loanOutcome")).isEqualTo("RETURNED");
    assertThat(variable(l.instance(), "fineAmount")).isEqualTo("6.00");
    assertThat(mails(l, "Overdue")).hasSize(1);
  }

  @Test
  void aRecalledLoanReturnedLateIsFinedFourDollarsPerDay() {
    TestLoan l = checkOut("hku", 30);
    var d0 = l.checkoutDate();
    engine.increaseTime(Duration.ofDays(3));
    assertThat(desk.recall(l.requestId(), "staff-hku", WAIT).orElseThrow().dueDate())
        .isEqualTo(d0.plusDays(15));
    awaitMails(l, "Recalled", 1);

    engine.increaseTime(Duration.ofDays(16)); // day 19: overdue since d0+16
    awaitStatus(l, RequestStatus.OVERDUE);
    awaitMails(l, "Overdue", 1);
    assertThat(body(mails(l, "Overdue").getFirst())).contains("HK$4.00 per calendar day");
    desk.checkIn(l.requestId(), "staff-cityu", WAIT).orElseThrow();
    awaitCompleted(l.instance());

    // 4 days (d0+16 .. d0+19) at HK$4.00
    assertThat(ledger.forLoan(l.requestId()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.amount()).isEqualByComparingTo("16.00");
              assertThat(f.description()).contains("4 day(s) at HK$4.00/day (recalled item)");
            });
  }

  @Test
  void anOnTimeReturnChargesNothingAndEndsTheCallActivityWithItsOutcome() {
    // the contract as the physical and overseas loan processes use it: a call activity
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("lifecycle-test-parent")
                .startEvent()
                .callActivity("lend", c -> c.zeebeProcessId("loan-lifecycle"))
                .endEvent()
                .done(),
            "lifecycle-test-parent.bpmn")
        .send()
        .join();
    Borrower seed = borrower(30);
    var checkoutAt = engineNow();

    long parent =
        started(
            start(
                "lifecycle-test-parent",
                Map.of(
                    "requestId", seed.requestId(),
                    "patronId", seed.patronId(),
                    "lenderCode", "cuhk",
                    "loanDays", 30,
                    "checkoutAt", checkoutAt.toString())));
    requests.attachProcess(seed.requestId(), parent);
    TestLoan l = new TestLoan(seed.patronId(), seed.email(), seed.requestId(), parent, checkoutAt);
    awaitStatus(l, RequestStatus.ON_LOAN);
    assertThat(loan(l).lenderCode()).isEqualTo("cuhk");

    engine.increaseTime(Duration.ofDays(12));
    desk.checkIn(l.requestId(), "staff-cityu", WAIT).orElseThrow();
    awaitCompleted(parent);

    assertThat(ledger.forLoan(l.requestId())).isEmpty();
    assertThat(variable(parent, "loanOutcome")).isEqualTo("RETURNED");
    assertThat(variable(parent, "returnedAt")).isNotNull();
    assertThat(body(mails(l, "Returned").getFirst())).contains("Overdue fine charged: HK$0.00");
  }

  @Test
  void retriedReturnJobsAndDuplicateReturnMessagesNeverChargeTwiceOrMailTwice() {
    TestLoan l = checkOut("hku", 15);
    engine.increaseTime(Duration.ofDays(17)); // 2 days late
    awaitMails(l, "Overdue", 1);
    PatronLoan returned = desk.checkIn(l.requestId(), "staff-cityu", WAIT).orElseThrow();
    // a second check-in message with another id while the first is processed
    client
        .newPublishMessageCommand()
        .messageName("item-returned")
        .correlationKey(l.requestId())
        .send()
        .join();
    awaitCompleted(l.instance());

    // the same work again, as a retried assess-fine job would do it, later
    lifecycle.returned(l.requestId(), returned.returnedAt().plus(Duration.ofDays(5)));
    lifecycle.returned(l.requestId(), returned.returnedAt());

    assertThat(ledger.forLoan(l.requestId()))
        .extracting(FineEntry::amount)
        .containsExactly(new BigDecimal("4.00"));
    assertThat(loan(l).returnedAt()).isEqualTo(returned.returnedAt());

    // a retried send-notice job carries the same job key: the notice is not sent again
    String overdueKey =
        jdbc.queryForObject(
            "select dedup_key from notice where recipient = ? and subject like 'Overdue%'",
            String.class, l.email());
    assertThat(overdueKey).startsWith("job:");
    assertThat(notices.send(overdueKey, l.email(), "Overdue: again", "again")).isFalse();

    // time goes on: no second overdue notice, no staff task for a returned loan
    engine.increaseTime(Duration.ofDays(40));
    awaitMails(l, "Returned", 1);
    assertThat(mails(l, "Overdue")).hasSize(1);
    assertThat(mails(l, "Returned")).hasSize(1);
    assertThat(
            requests.history(l.requestId()).stream()
                .filter(c -> c.status() == RequestStatus.OVERDUE))
        .hasSize(1);
  }
}
