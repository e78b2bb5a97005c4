package org.interlend.lending.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.interlend.calendar.LibraryCalendar;

/**
 * How long a received item waits for its patron at the home library's counter: {@code days}
 * calendar days after the pickup notice (5 in HKALL), the last of them moved on to the next opening
 * day when the library is closed then. The patron may come at any time of that last day: the item
 * goes back only at its end ({@link #deadline}), midnight in Hong Kong, whatever time of day it
 * arrived.
 *
 * @param pickupBy the last Hong Kong day to pick the item up (an opening day)
 * @param deadline the end of that day: when the unclaimed item goes back
 */
public record PickupWindow(LocalDate pickupBy, Instant deadline) {

  /** Calendar days a patron has to pick up a received item (HKALL service pages). */
  public static final int HKALL_DAYS = 5;

  public PickupWindow {
    Objects.requireNonNull(pickupBy, "pickupBy");
    Objects.requireNonNull(deadline, "deadline");
  }

  /** The window of an item the patron is told of at {@code noticeAt}. */
  public static PickupWindow after(Instant noticeAt, int days, LibraryCalendar calendar) {
    if (days < 1) {
      throw new IllegalArgumentException("a pickup window has at least one day: " + days);
    }
    LocalDate last = calendar.nextOpenDay(LibraryCalendar.dateOf(noticeAt).plusDays(days));
    return new PickupWindow(last, LibraryCalendar.endOf(last));
  }
}
