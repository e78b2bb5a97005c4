package org.interlend.workflows.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.interlend.lending.lifecycle.LoanLifecycle;
import org.interlend.lending.lifecycle.PatronLoan;
import org.interlend.lending.lifecycle.Renewal;
import org.interlend.requests.RequestStatus;
import org.junit.jupiter.api.Test;

/** Recalls by the lending library through the running process, with engine time travel. */
class LoanLifecycleRecallTest extends LoanLifecycleBaseTest {

  @Test
  void aRecallOnDayThreeBringsTheDueDateToCheckoutPlusFifteenAndBlocksRenewal() {
    TestLoan l = checkOut("hku", 30);
    var d0 = l.checkoutDate();

    engine.increaseTime(Duration.ofDays(3));
    PatronLoan recalled = desk.recall(l.requestId(), "staff-hku", WAIT).orElseThrow();

    assertThat(recalled.recalled()).isTrue();
    assertThat(recalled.dueDate()).isEqualTo(d0.plusDays(15));
    awaitStatus(l, RequestStatus.RECALLED);
    awaitMails(l, "Recalled", 1);
    assertThat(body(mails(l, "Recalled").getFirst()))
        .contains("by " + d0.plusDays(15))
        .contains("HK$4.00");

    engine.increaseTime(Duration.ofDays(7)); // day 10: inside the renewal window of d0+15
    Renewal refused = desk.renew(l.requestId(), WAIT).orElseThrow();
    assertThat(refused.granted()).isFalse();
    assertThat(refused.reason()).isEqualTo("RECALLED");
    assertThat(refused.message()).contains("recalled").contains(d0.plusDays(15).toString());
    assertThat(loan(l).dueDate()).isEqualTo(d0.plusDays(15));
    assertThat(loan(l).renewalsUsed()).isZero();
  }

  @Test
  void aLateRecallShortensTheDueDateToSevenDaysAfterTheRecall() {
    TestLoan l = checkOut("hku", 30);
    var d0 = l.checkoutDate();

    engine.increaseTime(Duration.ofDays(20));
    PatronLoan recalled = desk.recall(l.requestId(), "staff-hku", WAIT).orElseThrow();

    // min(d0+30, max(d0+15, d0+20+7)) = d0+27
    assertThat(recalled.dueDate()).isEqualTo(d0.plusDays(27));
    awaitStatus(l, RequestStatus.RECALLED);
    assertThat(requests.history(l.requestId()).getLast().note())
        .isEqualTo("Due " + d0.plusDays(27));
  }

  @Test
  void aRecallOfARenewedLoanNearItsDueDateLeavesTheDueDate() {
    TestLoan l = checkOut("hku", 15);
    var d0 = l.checkoutDate();
    engine.increaseTime(Duration.ofDays(10));
    assertThat(desk.renew(l.requestId(), WAIT).orElseThrow().dueAfter()).isEqualTo(d0.plusDays(30));
    awaitMails(l, "Renewed", 1);

    engine.increaseTime(Duration.ofDays(15)); // day 25: d0+25+7 = d0+32 is after the due date
    PatronLoan recalled = desk.recall(l.requestId(), "staff-hku", WAIT).orElseThrow();

    assertThat(recalled.recalled()).isTrue();
    assertThat(recalled.dueDate()).isEqualTo(d0.plusDays(30));
  }

  @Test
  void aSecondRecallChangesNothingAndARetriedRecallJobKeepsTheFirstOutcome() {
    TestLoan l = checkOut("hku", 30);
    var d0 = l.checkoutDate();
    engine.increaseTime(Duration.ofDays(3));
    desk.recall(l.requestId(), "staff-hku", WAIT).orElseThrow();
    awaitMails(l, "Recalled", 1);

    // a second recall message (another message id) reaches the process: nothing changes, no mail
    client
        .newPublishMessageCommand()
        .messageName("loan-recall")
        .correlationKey(l.requestId())
        .send()
        .join();
    // the same job delivered twice: the retry sees its own recall as applied, another key does not
    var at = l.checkoutAt().plus(Duration.ofDays(12));
    LoanLifecycle.RecallOutcome other = lifecycle.recall(l.requestId(), at, "job:someone-else");
    assertThat(other.applied()).isFalse();
    assertThat(other.loan().dueDate()).isEqualTo(d0.plusDays(15));

    engine.increaseTime(Duration.ofDays(1));
    assertThat(desk.renew(l.requestId(), WAIT).orElseThrow().reason()).isEqualTo("RECALLED");
    assertThat(mails(l, "Recalled")).hasSize(1);
    assertThat(loan(l).dueDate()).isEqualTo(d0.plusDays(15));
  }
}
