package org.interlend.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One library's calendar: the days it is closed, as a plain rule (no Spring, no database). All days
 * are Hong Kong dates.
 *
 * <ul>
 *   <li>An <b>opening day</b> is a day the library is open to patrons: not one of its closed days
 *       (public holidays and any day staff close it) and not a weekday it closes every week. Due
 *       dates and the last day to pick up an item are always opening days.
 *   <li>A <b>working day</b> is an opening day from Monday to Friday: the days ILL staff work, used
 *       for task deadlines ("answer within 2 working days").
 * </ul>
 *
 * <p>A day "ends" at the start of the next Hong Kong day ({@link #endOf}): a deadline on a date
 * gives the whole of that date.
 */
public final class LibraryCalendar {

  /** The zone every library day is counted in. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Hong_Kong");

  /** The days ILL staff work when the library is open. */
  public static final Set<DayOfWeek> WORKING_WEEKDAYS =
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  /**
   * Longest run of closed days searched before giving up (a calendar closed for a year is wrong).
   */
  private static final int MAX_SEARCH_DAYS = 366;

  /** A calendar with no closed day at all. */
  public static final LibraryCalendar ALWAYS_OPEN = new LibraryCalendar(Set.of(), Set.of());

  private final Set<LocalDate> closedDays;
  private final Set<DayOfWeek> closedWeekdays;

  /**
   * @param closedDays dates the library is closed (holidays, closures)
   * @param closedWeekdays weekdays it closes every week (none for most academic libraries)
   */
  public LibraryCalendar(Set<LocalDate> closedDays, Set<DayOfWeek> closedWeekdays) {
    this.closedDays = Set.copyOf(Objects.requireNonNull(closedDays, "closedDays"));
    this.closedWeekdays =
        closedWeekdays == null || closedWeekdays.isEmpty()
            ? Set.of()
            : Set.copyOf(EnumSet.copyOf(closedWeekdays));
    if (this.closedWeekdays.size() == 7) {
      throw new IllegalArgumentException("a library cannot be closed on every day of the week");
    }
  }

  /** The Hong Kong date on which {@code instant} falls. */
  public static LocalDate dateOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /** The end of a Hong Kong day: the first instant of the next day (an exclusive end). */
  public static Instant endOf(LocalDate date) {
    return date.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  public boolean isOpen(LocalDate date) {
    return !closedDays.contains(date) && !closedWeekdays.contains(date.getDayOfWeek());
  }

  public boolean isWorkingDay(LocalDate date) {
    return WORKING_WEEKDAYS.contains(date.getDayOfWeek()) && isOpen(date);
  }

  /** {@code date} if the library is open then, else the first opening day after it. */
  public LocalDate nextOpenDay(LocalDate date) {
    LocalDate d = date;
    for (int i = 0; i < MAX_SEARCH_DAYS; i++, d = d.plusDays(1)) {
      if (isOpen(d)) {
        return d;
      }
    }
    throw new IllegalStateException("no opening day within a year of " + date);
  }

  /** {@code date} if the library is open then, else the last opening day before it. */
  public LocalDate previousOpenDay(LocalDate date) {
    LocalDate d = date;
    for (int i = 0; i < MAX_SEARCH_DAYS; i++, d = d.minusDays(1)) {
      if (isOpen(d)) {
        return d;
      }
    }
    throw new IllegalStateException("no opening day within a year before " + date);
  }

  /**
   * The {@code n}th working day after {@code date} ({@code date} itself not counted); for {@code n
   * = 0}, {@code date} if it is a working day, else the next working day.
   */
  public LocalDate addWorkingDays(LocalDate date, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + n);
    }
    LocalDate d = date;
    if (n == 0) {
      for (int i = 0; i < MAX_SEARCH_DAYS; i++, d = d.plusDays(1)) {
        if (isWorkingDay(d)) {
          return d;
        }
      }
      throw new IllegalStateException("no working day within a year of " + date);
    }
    int left = n;
    for (int i = 0; i < MAX_SEARCH_DAYS * 2; i++) {
      d = d.plusDays(1);
      if (isWorkingDay(d) && --left == 0) {
        return d;
      }
    }
    throw new IllegalStateException(
        "fewer than " + n + " working days within two years of " + date);
  }

  /**
   * Working days after {@code from} up to and including {@code to} (0 when {@code to} is not
   * after).
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** The closed days, in order. */
  public Set<LocalDate> closedDays() {
    return new TreeSet<>(closedDays);
  }

  public Set<DayOfWeek> closedWeekdays() {
    return closedWeekdays;
  }
}
