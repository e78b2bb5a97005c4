package org.interlend.lending.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatronLoanTest {

  private static PatronLoan loan(String due, Instant overdueAt) {
    return new PatronLoan(
        "R-1",
        "P1",
        "hku",
        Instant.parse("2024-02-14T02:00:00Z"),
        15,
        LocalDate.parse(due),
        0,
        null,
        overdueAt,
        null,
        null,
        null);
  }

  @ParameterizedTest
  @CsvSource({
    // due date (HK) -> the timer fires at the start of the next HK day, in UTC
    "2024-02-29, 2024-02-29T16:00:00Z", // leap day
    "2024-12-31, 2024-12-31T16:00:00Z", // the next day is in the next year
    "2026-03-15, 2026-03-15T16:00:00Z"
  })
  void theTimerWaitsForTheStartOfTheHongKongDayAfterTheDueDate(String due, String fires) {
    PatronLoan loan = loan(due, null);
    assertThat(loan.nextTimerKind()).isEqualTo(PatronLoan.TimerKind.DUE);
    assertThat(loan.nextTimerAt()).isEqualTo(Instant.parse(fires));
  }

  @Test
  void onceOverdueTheTimerWaitsThirtyMoreDaysForTheLongOverdueTask() {
    PatronLoan loan = loan("2024-02-29", Instant.parse("2024-02-29T16:00:00Z"));
    assertThat(loan.nextTimerKind()).isEqualTo(PatronLoan.TimerKind.LONG_OVERDUE);
    assertThat(loan.nextTimerAt()).isEqualTo(Instant.parse("2024-03-30T16:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource({"15, 15", "30, 30", "30.0, 30", "'15', 15"})
  void loanDaysMayArriveAsAnyWholeNumber(String raw, int days) {
    Object value =
        raw.startsWith("'")
            ? raw.replace("'", "")
            : raw.contains(".") ? (Object) Double.valueOf(raw) : (Object) Integer.valueOf(raw);
    assertThat(LoanLifecycleWorkers.days(value)).isEqualTo(days);
  }

  @Test
  void loanDaysMustBeAPositiveWholeNumber() {
    for (Object bad : new Object[] {0, -3, 14.5, "fifteen", null}) {
      assertThatThrownBy(() -> LoanLifecycleWorkers.days(bad))
          .as(String.valueOf(bad))
          .hasMessageContaining("loanDays");
    }
  }
}
