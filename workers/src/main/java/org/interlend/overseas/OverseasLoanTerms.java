package org.interlend.overseas;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.interlend.calendar.LibraryCalendar;
import org.interlend.lending.rules.PickupWindow;

/**
 * The patron's side of an overseas partner's loan: the partner sets the due date (the lending
 * library "usually sets the due date and overdue fees"), and the item must travel back by then, so
 * the patron's due date is {@code returnBufferDays} earlier, on an opening day of the home library
 * (the last one before, never after). If the partner's loan is too short for that, the patron gets
 * it until the last opening day before the partner's due date, and at least until the day it
 * arrived. The pickup window is the HKALL one (5 calendar days to the end of an opening day), but
 * never beyond the patron's due date.
 */
public record OverseasLoanTerms(
    LocalDate partnerDueDate, LocalDate patronDueDate, PickupWindow pickup) {

  public OverseasLoanTerms {
    Objects.requireNonNull(partnerDueDate, "partnerDueDate");
    Objects.requireNonNull(patronDueDate, "patronDueDate");
    Objects.requireNonNull(pickup, "pickup");
  }

  public static OverseasLoanTerms of(
      LocalDate partnerDueDate, Instant arrivedAt, int returnBufferDays, LibraryCalendar calendar) {
    LocalDate today = LibraryCalendar.dateOf(arrivedAt);
    LocalDate due = calendar.previousOpenDay(partnerDueDate.minusDays(returnBufferDays));
    if (due.isBefore(today)) {
      due = calendar.previousOpenDay(partnerDueDate);
    }
    if (due.isBefore(today)) {
      due = today;
    }
    PickupWindow window = PickupWindow.after(arrivedAt, PickupWindow.HKALL_DAYS, calendar);
    if (window.pickupBy().isAfter(due)) {
      window = new PickupWindow(due, LibraryCalendar.endOf(due));
    }
    return new OverseasLoanTerms(partnerDueDate, due, window);
  }
}
