package org.interlend.workflows.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.interlend.lending.lifecycle.FineEntry;
import org.interlend.requests.RequestStatus;
import org.junit.jupiter.api.Test;

/** Loss and damage: the lender's staff task, replacement charges and the patron's notice. */
class LoanLifecycleLossTest extends LoanLifecycleBaseTest {

  @Test
  void thirtyDaysOverdueAsksTheLenderToRecordTheLossAndChargesReplacementFeeAndFine() {
    TestLoan l = checkOut("hku", 15);
    var d0 = l.checkoutDate();
    engine.increaseTime(Duration.ofDays(16));
    awaitStatus(l, RequestStatus.OVERDUE);
    awaitMails(l, "Overdue", 1);

    engine.increaseTime(Duration.ofDays(30)); // day 46: due d0+15, so 30 days overdue since d0+16
    var task = awaitLossTask(l);
    assertThat(task.candidateGroups()).containsExactly("staff-hku");
    assertThat(task.formKey()).isPositive();

    userTasks.complete(task.key(), Map.of("lossKind", "LOST", "lossNote", "Patron cannot find it"));
    awaitCompleted(l.instance());

    // HKU: replacement 500.00 + processing 100.00; overdue d0+16 .. d0+46 = 31 days at 2.00
    assertThat(ledger.forLoan(l.requestId()))
        .extracting(FineEntry::kind, e -> e.amount().toPlainString())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("OVERDUE", "62.00"),
            org.assertj.core.groups.Tuple.tuple("REPLACEMENT", "500.00"),
            org.assertj.core.groups.Tuple.tuple("PROCESSING_FEE", "100.00"));
    assertThat(ledger.statement(l.patronId()).total()).isEqualByComparingTo("662.00");
    assertThat(requests.get(l.requestId()).status()).isEqualTo(RequestStatus.LOST);
    assertThat(loan(l).lossKind()).isEqualTo("LOST");
    assertThat(loan(l).returnedAt()).isNull();
    assertThat(variable(l.instance(), "loanOutcome")).isEqualTo("LOST");
    awaitMails(l, "Charged for a lost item", 1);
    assertThat(body(mails(l, "Charged for a lost item").getFirst()))
        .contains("Replacement charge: HK$500.00")
        .contains("Processing fee: HK$100.00")
        .contains("Total: HK$662.00");
    assertThat(d0).isNotNull();

    // a retried charge-loss job charges nothing more
    lifecycle.recordLoss(l.requestId(), l.checkoutAt().plus(Duration.ofDays(60)), "LOST", "again");
    assertThat(ledger.forLoan(l.requestId())).hasSize(3);
    assertThat(ledger.statement(l.patronId()).total()).isEqualByComparingTo("662.00");
  }

  @Test
  void reportedDamageGoesStraightToTheLendersStaffAndChargesNoFineWhenOnTime() {
    TestLoan l = checkOut("hkust", 15);
    engine.increaseTime(Duration.ofDays(5));
    desk.reportLoss(l.requestId(), "staff-cityu");

    var task = awaitLossTask(l);
    assertThat(task.candidateGroups()).containsExactly("staff-hkust");
    userTasks.complete(task.key(), Map.of("lossKind", "DAMAGED", "lossNote", "Water damage"));
    awaitCompleted(l.instance());

    // HKUST: replacement 450.00 + processing 100.00, not overdue
    assertThat(ledger.forLoan(l.requestId()))
        .extracting(FineEntry::kind)
        .containsExactlyInAnyOrder("REPLACEMENT", "PROCESSING_FEE");
    assertThat(ledger.statement(l.patronId()).total()).isEqualByComparingTo("550.00");
    assertThat(requests.get(l.requestId()).status()).isEqualTo(RequestStatus.DAMAGED);
    assertThat(variable(l.instance(), "loanOutcome")).isEqualTo("DAMAGED");
    awaitMails(l, "Charged for a damaged item", 1);
  }

  @Test
  void anItemReturnedWhileTheLossTaskIsOpenIsCheckedInAndFinedInstead() {
    TestLoan l = checkOut("hku", 15);
    engine.increaseTime(Duration.ofDays(16));
    awaitStatus(l, RequestStatus.OVERDUE);
    awaitMails(l, "Overdue", 1);
    engine.increaseTime(Duration.ofDays(31)); // day 47
    awaitLossTask(l);

    desk.checkIn(l.requestId(), "staff-cityu", WAIT).orElseThrow();
    awaitCompleted(l.instance());

    assertThat(userTasks.open()).noneMatch(t -> t.processInstanceKey() == l.instance());
    // d0+16 .. d0+47 = 32 days at 2.00, no replacement
    assertThat(ledger.forLoan(l.requestId()))
        .singleElement()
        .satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("64.00"));
    assertThat(requests.get(l.requestId()).status()).isEqualTo(RequestStatus.RETURNED);
    assertThat(variable(l.instance(), "loanOutcome")).isEqualTo("RETURNED");
  }

  @Test
  void theLendersLossTaskHasADeadlineWithAReminderAndThenItsManagers() {
    TestLoan l = checkOut("hkust", 15);
    desk.reportLoss(l.requestId(), "staff-cityu");
    var task = awaitLossTask(l);
    java.time.Instant remindAt =
        java.time.Instant.parse((String) variable(l.instance(), "taskRemindAt"));
    java.time.Instant escalateAt =
        java.time.Instant.parse((String) variable(l.instance(), "taskEscalateAt"));

    engine.increaseTime(Duration.between(engine.now(), remindAt).plusMinutes(1));
    awaitSubject(
        "ill-hkust@interlend.local",
        "Reminder: \"Record loss or damage\" for request " + l.requestId());
    engine.increaseTime(Duration.between(engine.now(), escalateAt).plusMinutes(1));
    awaitSubject(
        "ill-managers-hkust@interlend.local",
        "Overdue task: \"Record loss or damage\" for request " + l.requestId());
    assertThat(userTasks.find(task.key())).isPresent();
  }

  void awaitSubject(String to, String subject) {
    org.awaitility.Awaitility.await()
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
