package org.interlend.lending.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The calendar that loan days are counted in: Hong Kong local dates.
 *
 * <p><b>Due-date model.</b> A due date is a {@link LocalDate}: the borrower may keep the item for
 * the whole of that Hong Kong day. The loan becomes overdue at {@link #dueInstant(LocalDate)}, the
 * start of the <em>next</em> Hong Kong day (an exclusive end, so no 23:59:59.999 arithmetic is
 * needed).
 */
public final class LoanCalendar {

  /** The zone in which every loan day is counted. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Hong_Kong");

  private LoanCalendar() {}

  /** The Hong Kong calendar date on which {@code instant} falls. */
  public static LocalDate dateOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /**
   * The due date of a loan checked out at {@code checkoutAt}: the Hong Kong date of checkout plus
   * {@code loanPeriodDays} calendar days. A checkout at 23:30 in Hong Kong counts as that day; a
   * checkout at 23:30 UTC is already the next morning in Hong Kong and counts as the next day.
   */
  public static LocalDate dueDate(Instant checkoutAt, int loanPeriodDays) {
    if (loanPeriodDays <= 0) {
      throw new IllegalArgumentException("loan period must be positive: " + loanPeriodDays);
    }
    return dateOf(checkoutAt).plusDays(loanPeriodDays);
  }

  /**
   * The due date of a loan checked out at {@code checkoutAt} at a library with this calendar: the
   * Hong Kong date of checkout plus {@code loanPeriodDays}, moved on to the next day the library is
   * open when that day is closed. A due date is never on a closed day.
   */
  public static LocalDate dueDate(
      Instant checkoutAt, int loanPeriodDays, org.interlend.calendar.LibraryCalendar calendar) {
    return calendar.nextOpenDay(dueDate(checkoutAt, loanPeriodDays));
  }

  /**
   * The first instant at which a loan due on {@code dueDate} is overdue: the start of the following
   * Hong Kong day. The loan is on time at every instant strictly before this one.
   */
  public static Instant dueInstant(LocalDate dueDate) {
    return dueDate.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /**
   * Whole calendar days from {@code dueDate} to {@code returnDate}; zero if returned on or before
   * the due date. A return the day after the due date is one day overdue.
   */
  public static long daysOverdue(LocalDate dueDate, LocalDate returnDate) {
    return Math.max(0, ChronoUnit.DAYS.between(dueDate, returnDate));
  }
}
