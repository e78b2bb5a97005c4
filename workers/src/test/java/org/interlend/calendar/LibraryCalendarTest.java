package org.interlend.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryCalendarTest {

  /** Lunar New Year 2026 (Tue 17 - Thu 19 Feb) and Easter 2026 (Fri 3 - Tue 7 Apr, Ching Ming). */
  static final LibraryCalendar HK_2026 =
      new LibraryCalendar(
          Set.of(
              LocalDate.parse("2026-02-17"),
              LocalDate.parse("2026-02-18"),
              LocalDate.parse("2026-02-19"),
              LocalDate.parse("2026-04-03"),
              LocalDate.parse("2026-04-04"),
              LocalDate.parse("2026-04-06"),
              LocalDate.parse("2026-04-07")),
          Set.of());

  @ParameterizedTest(name = "{0}: open {1}, working {2}")
  @CsvSource({
    "2026-02-16, true, true", // Monday before Lunar New Year
    "2026-02-17, false, false", // Lunar New Year's Day
    "2026-02-21, true, false", // Saturday: open, staff off
    "2026-02-22, true, false", // Sunday
    "2026-04-05, true, false", // Easter Sunday (Ching Ming moved to 7 April)
    "2026-04-08, true, true"
  })
  void openingAndWorkingDays(LocalDate day, boolean open, boolean working) {
    assertThat(HK_2026.isOpen(day)).isEqualTo(open);
    assertThat(HK_2026.isWorkingDay(day)).isEqualTo(working);
  }

  @ParameterizedTest(name = "next opening day from {0} is {1}")
  @CsvSource({
    "2026-02-16, 2026-02-16",
    "2026-02-17, 2026-02-20",
    "2026-04-03, 2026-04-05",
    "2026-04-06, 2026-04-08"
  })
  void aClosedDayMovesOnToTheNextOpeningDay(LocalDate day, LocalDate next) {
    assertThat(HK_2026.nextOpenDay(day)).isEqualTo(next);
  }

  @ParameterizedTest(name = "{1} working days after {0}: {2}")
  @CsvSource({
    "2026-02-13, 1, 2026-02-16", // Friday -> Monday
    "2026-02-16, 1, 2026-02-20", // Monday before the holidays -> Friday
    "2026-02-16, 2, 2026-02-23",
    "2026-04-02, 1, 2026-04-08", // Thursday before Easter -> Wednesday after
    "2026-02-21, 0, 2026-02-23", // Saturday, 0 days: the next working day
    "2026-02-20, 0, 2026-02-20",
    "2026-02-20, 5, 2026-02-27"
  })
  void workingDaysSkipWeekendsAndClosedDays(LocalDate from, int days, LocalDate expected) {
    assertThat(HK_2026.addWorkingDays(from, days)).isEqualTo(expected);
    if (days > 0) {
      assertThat(HK_2026.workingDaysBetween(from, expected)).isEqualTo(days);
    }
  }

  @Test
  void aWeeklyClosureIsNeverAnOpeningDay() {
    LibraryCalendar sundays = new LibraryCalendar(Set.of(), Set.of(DayOfWeek.SUNDAY));
    assertThat(sundays.isOpen(LocalDate.parse("2026-03-01"))).isFalse();
    assertThat(sundays.nextOpenDay(LocalDate.parse("2026-03-01"))).isEqualTo("2026-03-02");
    assertThat(sundays.previousOpenDay(LocalDate.parse("2026-03-01"))).isEqualTo("2026-02-28");
  }

  @Test
  void aDayEndsAtMidnightInHongKong() {
    assertThat(LibraryCalendar.endOf(LocalDate.parse("2026-03-10")))
        .isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
    assertThat(LibraryCalendar.dateOf(Instant.parse("2026-03-10T15:59:59Z")))
        .isEqualTo("2026-03-10");
    assertThat(LibraryCalendar.dateOf(Instant.parse("2026-03-10T16:00:00Z")))
        .isEqualTo("2026-03-11");
  }

  @Test
  void aLibraryClosedEveryDayIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LibraryCalendar(Set.of(), Set.of(DayOfWeek.values())));
  }

  @Test
  void weeklyClosuresAreReadFromTheLibraryRow() {
    assertThat(Calendars.weekdays("saturday, SUNDAY"))
        .containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(Calendars.weekdays("")).isEmpty();
  }
}
