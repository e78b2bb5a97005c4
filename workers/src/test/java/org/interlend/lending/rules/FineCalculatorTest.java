package org.interlend.lending.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FineCalculatorTest {

  private static final FineCalculator FINES = new FineCalculator(LoanPolicy.hkall(15));

  @ParameterizedTest(
      name = "[{index}] due {0}, returned {1}, recalled={2} -> {3} days, HK${4}: {5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            # due      | returned   | recalled | days | fine  | case
            2026-03-16 | 2026-03-10 | false    | 0    | 0.00  | returned early
            2026-03-16 | 2026-03-16 | false    | 0    | 0.00  | returned on the due date
            2026-03-16 | 2026-03-16 | true     | 0    | 0.00  | recalled, returned on the due date
            2026-03-16 | 2026-03-17 | false    | 1    | 2.00  | one day late
            2026-03-16 | 2026-03-17 | true     | 1    | 4.00  | one day late, recalled
            2026-03-16 | 2026-03-30 | false    | 14   | 28.00 | two weeks late
            2026-03-16 | 2026-03-30 | true     | 14   | 56.00 | two weeks late, recalled
            2026-12-28 | 2027-01-03 | false    | 6    | 12.00 | across the year end
            2026-12-28 | 2027-01-03 | true     | 6    | 24.00 | across the year end, recalled
            2028-02-27 | 2028-03-02 | false    | 4    | 8.00  | 28 Feb, 29 Feb, 1 Mar, 2 Mar 2028
            2028-02-27 | 2028-03-02 | true     | 4    | 16.00 | across the leap day, recalled
            2027-02-27 | 2027-03-02 | false    | 3    | 6.00  | no 29 Feb in 2027
            """)
  void finesEachCalendarDayAfterTheDueDate(
      LocalDate due,
      LocalDate returned,
      boolean recalled,
      long days,
      BigDecimal expected,
      String description) {
    Instant checkout = due.minusDays(15).atStartOfDay(LoanCalendar.ZONE).toInstant();
    Instant recalledAt = recalled ? checkout.plusSeconds(86_400) : null;
    Loan loan = new Loan(checkout, due, 15, 0, recalledAt);

    Fine fine = FINES.fine(loan, returned);

    assertThat(fine.overdueDays()).isEqualTo(days);
    assertThat(fine.amount()).isEqualTo(expected); // equals() also checks scale 2
    assertThat(fine.dailyRate()).isEqualTo(recalled ? "4.00" : "2.00");
  }

  /**
   * A recall of a loan already overdue: days before the recall date stay at HK$2.00, days from the
   * recall date on are HK$4.00 (on today's main every day was charged HK$4.00 once recalled).
   */
  @ParameterizedTest(
      name =
          "[{index}] due {0}, recalled {1}, returned {2} -> {3} normal + {4} recalled days, HK${5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            # due      | recalled (HK) | returned   | normal | recalled | fine
            2026-03-16 | 2026-03-20    | 2026-03-30 | 3      | 11       | 50.00
            2026-03-16 | 2026-03-17    | 2026-03-30 | 0      | 14       | 56.00
            2026-03-16 | 2026-03-30    | 2026-03-30 | 13     | 1        | 30.00
            2026-03-16 | 2026-04-02    | 2026-03-30 | 14     | 0        | 28.00
            2026-03-16 | 2026-03-10    | 2026-03-18 | 0      | 2        | 8.00
            """)
  void recalledRateAppliesFromTheRecallDateOnly(
      LocalDate due,
      LocalDate recalledOn,
      LocalDate returned,
      long normalDays,
      long recalledDays,
      BigDecimal expected) {
    Instant checkout = due.minusDays(15).atStartOfDay(LoanCalendar.ZONE).toInstant();
    Instant recalledAt = recalledOn.atTime(15, 0).atZone(LoanCalendar.ZONE).toInstant();
    Loan loan = new Loan(checkout, due, 15, 0, recalledAt);

    Fine fine = FINES.fine(loan, returned);

    assertThat(fine.overdueDays()).isEqualTo(normalDays + recalledDays);
    assertThat(fine.recalledDays()).isEqualTo(recalledDays);
    assertThat(fine.amount()).isEqualTo(expected);
  }

  @Test
  void returnInstantIsCountedOnItsHongKongDate() {
    Loan loan =
        new Loan(Instant.parse("2026-03-01T02:00:00Z"), LocalDate.parse("2026-03-16"), 15, 0, null);

    assertThat(FINES.fine(loan, Instant.parse("2026-03-16T15:59:59Z")).isZero())
        .isTrue(); // 23:59:59 HK
    assertThat(FINES.fine(loan, loan.dueInstant()).amount())
        .isEqualTo("2.00"); // 00:00 HK on 17 March
  }

  @Test
  void capLimitsTheFine() {
    FineCalculator capped =
        new FineCalculator(LoanPolicy.hkall(15).withFineCap(new BigDecimal("50")));
    Loan loan =
        new Loan(Instant.parse("2026-03-01T02:00:00Z"), LocalDate.parse("2026-03-16"), 15, 0, null);

    assertThat(capped.fine(loan, LocalDate.parse("2026-04-15")))
        .isEqualTo(new Fine(30, new BigDecimal("2.00"), new BigDecimal("50.00")));
    assertThat(capped.fine(loan, LocalDate.parse("2026-03-20")).amount()).isEqualTo("8.00");
  }
}
