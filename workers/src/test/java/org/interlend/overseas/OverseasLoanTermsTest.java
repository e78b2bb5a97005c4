package org.interlend.overseas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.interlend.calendar.LibraryCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OverseasLoanTermsTest {

  static final LibraryCalendar CLOSED_ON_CHRISTMAS =
      new LibraryCalendar(
          Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26")), Set.of());

  @ParameterizedTest(name = "partner due {0}, arrived {1}: patron due {2}, pick up by {3}")
  @CsvSource({
    // 14 days before the partner's due date
    "2027-01-20, 2026-12-01T02:00:00Z, 2027-01-06, 2026-12-06",
    // 14 days before falls on 26 December (closed): the opening day before
    "2027-01-09, 2026-12-01T02:00:00Z, 2026-12-24, 2026-12-06",
    // a short partner loan: the patron keeps it until the last opening day before it is due
    "2026-12-10, 2026-12-01T02:00:00Z, 2026-12-10, 2026-12-06",
    // shorter than the pickup window: pick up by the due date
    "2026-12-03, 2026-12-01T02:00:00Z, 2026-12-03, 2026-12-03"
  })
  void thePatronReturnsItInTimeForItsJourneyBack(
      LocalDate partnerDue, Instant arrived, LocalDate patronDue, LocalDate pickupBy) {
    OverseasLoanTerms t = OverseasLoanTerms.of(partnerDue, arrived, 14, CLOSED_ON_CHRISTMAS);
    assertThat(t.patronDueDate()).isEqualTo(patronDue);
    assertThat(t.pickup().pickupBy()).isEqualTo(pickupBy);
    assertThat(t.pickup().deadline()).isEqualTo(LibraryCalendar.endOf(pickupBy));
  }
}
