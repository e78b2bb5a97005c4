package org.interlend.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.interlend.calendar.LibraryCalendar;

/**
 * When a staff task started, when its staff are reminded and when it is escalated (for a lender's
 * "Pull and ship": when the request moves on to the next lender). Both are the end of a working day
 * of the library whose staff hold the task: the end (midnight in Hong Kong) of the {@code n}th
 * working day after the day the task started.
 */
public record Deadline(Instant startedAt, Instant remindAt, Instant escalateAt) {

  public Deadline {
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(remindAt, "remindAt");
    Objects.requireNonNull(escalateAt, "escalateAt");
    if (escalateAt.isBefore(remindAt)) {
      throw new IllegalArgumentException(
          "escalation " + escalateAt + " before the reminder " + remindAt);
    }
  }

  /**
   * The deadlines of a task started at {@code startedAt}, reminded after {@code remindDays} and
   * escalated after {@code escalateDays} working days of {@code calendar}.
   */
  public static Deadline of(
      Instant startedAt, int remindDays, int escalateDays, LibraryCalendar calendar) {
    if (remindDays < 0 || escalateDays < remindDays) {
      throw new IllegalArgumentException(
          "working days must be 0 <= remind <= escalate, not "
              + remindDays
              + " and "
              + escalateDays);
    }
    LocalDate start = LibraryCalendar.dateOf(startedAt);
    return new Deadline(
        startedAt,
        LibraryCalendar.endOf(calendar.addWorkingDays(start, remindDays)),
        LibraryCalendar.endOf(calendar.addWorkingDays(start, escalateDays)));
  }
}
