package org.interlend.lending.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.interlend.calendar.LibraryCalendar;
import org.junit.jupiter.api.Test;

/** Renewed and recalled due dates fall on opening days of the home library too. */
class CalendarAwareRulesTest {

  static final LibraryCalendar CHRISTMAS =
      new LibraryCalendar(
          Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26")), Set.of());

  @Test
  void aRenewalEndingOnAClosedDayMovesOn() {
    Loan loan =
        new Loan(Instant.parse("2026-11-25T02:00:00Z"), LocalDate.parse("2026-12-10"), 15, 0, null);
    var decision =
        new RenewalRule(LoanPolicy.hkall(15), CHRISTMAS)
            .decide(loan, LocalDate.parse("2026-12-05"));
    assertThat(decision)
        .isInstanceOfSatisfying(
            RenewalDecision.Granted.class,
            g -> assertThat(g.loan().dueDate()).isEqualTo("2026-12-27"));
  }

  @Test
  void aRecallShorteningToAClosedDayMovesOnButNeverPastTheOldDueDate() {
    // checkout 10 Dec, minimum use until 25 Dec (closed) -> 27 Dec
    Loan loan =
        new Loan(Instant.parse("2026-12-10T02:00:00Z"), LocalDate.parse("2027-01-09"), 30, 0, null);
    LocalDate due =
        new RecallRule(LoanPolicy.hkall(30), CHRISTMAS)
            .dueDateAfterRecall(loan, Instant.parse("2026-12-11T02:00:00Z"));
    assertThat(due).isEqualTo("2026-12-27");

    Loan dueSoon =
        new Loan(Instant.parse("2026-12-10T02:00:00Z"), LocalDate.parse("2026-12-26"), 15, 0, null);
    assertThat(
            new RecallRule(LoanPolicy.hkall(15), CHRISTMAS)
                .dueDateAfterRecall(dueSoon, Instant.parse("2026-12-11T02:00:00Z")))
        .isEqualTo("2026-12-26");
  }
}
