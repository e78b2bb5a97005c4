package org.interlend.lending.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.interlend.calendar.LibraryCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pickup window ends at the end of the last pickup day, never at the time of arrival. */
class PickupWindowTest {

  static final LibraryCalendar CLOSED_ON_CHRISTMAS =
      new LibraryCalendar(
          Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-26")), Set.of());

  @ParameterizedTest(name = "notice at {0}: pick up by {1}, gone at {2}")
  @CsvSource({
    // received 10:00 HK on 3 March: the patron may come all of 8 March, until midnight
    "2026-03-03T02:00:00Z, 2026-03-08, 2026-03-08T16:00:00Z",
    // received 23:30 HK: still 3 March in Hong Kong
    "2026-03-03T15:30:00Z, 2026-03-08, 2026-03-08T16:00:00Z",
    // received 00:30 HK on 4 March (16:30 UTC the day before)
    "2026-03-03T16:30:00Z, 2026-03-09, 2026-03-09T16:00:00Z",
    // the fifth day is Christmas Day and the library is closed on 25 and 26 December
    "2026-12-20T03:00:00Z, 2026-12-27, 2026-12-27T16:00:00Z"
  })
  void theWindowEndsAtMidnightAfterTheLastOpeningDay(
      Instant notice, LocalDate pickupBy, Instant deadline) {
    PickupWindow window = PickupWindow.after(notice, 5, CLOSED_ON_CHRISTMAS);
    assertThat(window.pickupBy()).isEqualTo(pickupBy);
    assertThat(window.deadline()).isEqualTo(deadline);
    assertThat(CLOSED_ON_CHRISTMAS.isOpen(window.pickupBy())).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"2026-03-03T02:00:00Z"})
  void aPatronWhoComesInTheAfternoonOfTheLastDayFindsTheItem(Instant notice) {
    PickupWindow window = PickupWindow.after(notice, 5, LibraryCalendar.ALWAYS_OPEN);
    Instant lastAfternoon = Instant.parse("2026-03-08T08:00:00Z"); // 16:00 in Hong Kong
    // the old P5D timer fired at 10:00 HK on 8 March, before this patron came
    assertThat(notice.plus(java.time.Duration.ofDays(5))).isBefore(lastAfternoon);
    assertThat(window.deadline()).isAfter(lastAfternoon);
  }
}
