package org.interlend.lending.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecallRuleTest {

  // Checked out 1 March 2026 in Hong Kong. Minimum use ends 16 March (checkout + 15).
  private static final Instant CHECKOUT =
      OffsetDateTime.parse("2026-03-01T10:00+08:00").toInstant();
  private static final RecallRule RULE = new RecallRule(LoanPolicy.hkall(30));

  @ParameterizedTest(name = "[{index}] {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            # current due | recalled at            | new due    | period | case
            2026-03-31    | 2026-03-03T10:00+08:00 | 2026-03-16 | 30     | day 3: recall + 7 = 10 Mar < checkout + 15
            2026-03-31    | 2026-03-09T10:00+08:00 | 2026-03-16 | 30     | recall + 7 = checkout + 15
            2026-03-31    | 2026-03-20T10:00+08:00 | 2026-03-27 | 30     | late recall: recall + 7
            2026-03-31    | 2026-03-24T10:00+08:00 | 2026-03-31 | 30     | recall + 7 = current due
            2026-03-31    | 2026-03-28T10:00+08:00 | 2026-03-31 | 30     | recall + 7 would extend: capped at current due
            2026-03-31    | 2026-04-05T10:00+08:00 | 2026-03-31 | 30     | recall after the due date: unchanged
            2026-03-31    | 2026-03-19T23:30Z      | 2026-03-27 | 30     | 23:30 UTC is 20 March in Hong Kong
            2026-03-16    | 2026-03-03T10:00+08:00 | 2026-03-16 | 15     | 15-day loan: already at the minimum
            2026-03-31    | 2026-03-20T10:00+08:00 | 2026-03-27 | 15     | 15-day loan renewed once
            2026-04-15    | 2026-04-14T10:00+08:00 | 2026-04-15 | 15     | 15-day loan renewed twice, recall near due
            """)
  void shortensTheDueDate(
      LocalDate currentDue,
      OffsetDateTime recalledAt,
      LocalDate newDue,
      int period,
      String description) {
    Loan loan = new Loan(CHECKOUT, currentDue, period, 0, null);

    Loan recalled = RULE.recall(loan, recalledAt.toInstant());

    assertThat(recalled.dueDate()).isEqualTo(newDue);
    assertThat(recalled.recalled()).isTrue();
    assertThat(recalled.recalledAt()).isEqualTo(recalledAt.toInstant());
    assertThat(recalled.checkoutAt()).isEqualTo(CHECKOUT);
    assertThat(recalled.loanPeriodDays()).isEqualTo(period);
  }

  @Test
  void secondRecallChangesNothing() {
    Loan loan = Loan.checkOut(CHECKOUT, LoanPolicy.hkall(30));
    Loan first = RULE.recall(loan, Instant.parse("2026-03-20T02:00:00Z"));

    assertThat(RULE.recall(first, Instant.parse("2026-03-22T02:00:00Z"))).isSameAs(first);
  }

  @Test
  void noticePeriodIsConfigurable() {
    Loan loan = Loan.checkOut(CHECKOUT, LoanPolicy.hkall(30));
    RecallRule tenDays = new RecallRule(LoanPolicy.hkall(30).withRecallNoticeDays(10));

    assertThat(tenDays.recall(loan, Instant.parse("2026-03-12T02:00:00Z")).dueDate())
        .isEqualTo(LocalDate.parse("2026-03-22"));
  }

  @Test
  void recalledLoanCannotBeRenewed() {
    Loan loan = Loan.checkOut(CHECKOUT, LoanPolicy.hkall(30));
    Loan recalled = RULE.recall(loan, Instant.parse("2026-03-20T02:00:00Z"));

    RenewalDecision decision =
        new RenewalRule(LoanPolicy.hkall(30)).decide(recalled, LocalDate.parse("2026-03-25"));

    assertThat(decision)
        .isInstanceOfSatisfying(
            RenewalDecision.Refused.class,
            refused -> assertThat(refused.reason()).isEqualTo(RenewalDecision.Reason.RECALLED));
  }
}
