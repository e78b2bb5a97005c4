package org.interlend.lending.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoanCalendarTest {

  @ParameterizedTest(name = "[{index}] checkout {0} + {1} days -> due {2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            # checkout (ISO offset) | period | due date   | case
            2026-03-02T10:00+08:00  | 15     | 2026-03-17 | short loan
            2026-03-02T10:00+08:00  | 30     | 2026-04-01 | long loan
            2026-12-20T12:00+08:00  | 15     | 2027-01-04 | across the year end
            2026-12-20T12:00+08:00  | 30     | 2027-01-19 | across the year end, long loan
            2028-02-15T09:00+08:00  | 15     | 2028-03-01 | 2028 is a leap year: 29 Feb counts
            2027-02-15T09:00+08:00  | 15     | 2027-03-02 | no 29 Feb in 2027
            2026-06-10T23:30+08:00  | 15     | 2026-06-25 | 23:30 in Hong Kong: still 10 June
            2026-06-10T23:30Z       | 15     | 2026-06-26 | 23:30 UTC is 07:30 on 11 June in Hong Kong
            2026-06-10T15:59:59Z    | 15     | 2026-06-25 | 23:59:59 HK: last second of 10 June
            2026-06-10T16:00Z       | 15     | 2026-06-26 | 00:00 HK on 11 June
            """)
  void dueDateIsHongKongCheckoutDatePlusLoanPeriod(
      OffsetDateTime checkout, int period, LocalDate due, String description) {
    assertThat(LoanCalendar.dueDate(checkout.toInstant(), period)).isEqualTo(due);

    Loan loan = Loan.checkOut(checkout.toInstant(), LoanPolicy.hkall(period));
    assertThat(loan.dueDate()).isEqualTo(due);
    assertThat(loan.loanPeriodDays()).isEqualTo(period);
    assertThat(loan.renewalsUsed()).isZero();
    assertThat(loan.recalled()).isFalse();
  }

  @Test
  void loanBecomesOverdueAtStartOfNextHongKongDay() {
    Loan loan = Loan.checkOut(Instant.parse("2026-06-10T02:00:00Z"), LoanPolicy.hkall(15));

    assertThat(loan.dueDate()).isEqualTo(LocalDate.parse("2026-06-25"));
    assertThat(loan.dueInstant())
        .isEqualTo(Instant.parse("2026-06-25T16:00:00Z")); // 26 June 00:00 HK
    assertThat(loan.isOverdueOn(LocalDate.parse("2026-06-25"))).isFalse();
    assertThat(loan.isOverdueOn(LocalDate.parse("2026-06-26"))).isTrue();
  }

  @Test
  void rejectsNonPositiveLoanPeriod() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LoanCalendar.dueDate(Instant.parse("2026-06-10T02:00:00Z"), 0));
  }

  /** A due date that falls on a day the home library is closed moves on to its next opening day. */
  @ParameterizedTest(name = "[{index}] checkout {0} + {1} days -> due {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            # checkout (ISO offset) | period | due date   | case
            2026-12-10T10:00+08:00  | 15     | 2026-12-27 | 25 Dec is Christmas Day, 26 Dec the first weekday after
            2026-11-26T10:00+08:00  | 30     | 2026-12-27 | the same holidays, a long loan
            2027-01-24T10:00+08:00  | 15     | 2027-02-10 | 8 and 9 Feb: the 3rd and 4th days of Lunar New Year
            2026-03-02T10:00+08:00  | 15     | 2026-03-17 | an ordinary day is not moved
            """)
  void aDueDateOnAHolidayMovesToTheNextOpeningDay(
      OffsetDateTime checkout, int period, LocalDate due) {
    org.interlend.calendar.LibraryCalendar hk =
        new org.interlend.calendar.LibraryCalendar(
            java.util.Set.of(
                LocalDate.parse("2026-12-25"),
                LocalDate.parse("2026-12-26"),
                LocalDate.parse("2027-02-06"),
                LocalDate.parse("2027-02-08"),
                LocalDate.parse("2027-02-09")),
            java.util.Set.of());
    assertThat(LoanCalendar.dueDate(checkout.toInstant(), period, hk)).isEqualTo(due);
    assertThat(hk.isOpen(LoanCalendar.dueDate(checkout.toInstant(), period, hk))).isTrue();
  }
}
