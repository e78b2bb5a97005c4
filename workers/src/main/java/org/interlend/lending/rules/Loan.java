package org.interlend.lending.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An immutable snapshot of one loan, as the rules need it. The rules never change a snapshot; they
 * return a new one for the caller to persist.
 *
 * @param checkoutAt when the item was checked out
 * @param dueDate the current due date, a Hong Kong date (see {@link LoanCalendar})
 * @param loanPeriodDays the original loan period; each renewal extends the loan by this much
 * @param renewalsUsed renewals granted so far
 * @param recalledAt when the lending library recalled the item, or {@code null} if not recalled
 */
public record Loan(
    Instant checkoutAt,
    LocalDate dueDate,
    int loanPeriodDays,
    int renewalsUsed,
    Instant recalledAt) {

  public Loan {
    Objects.requireNonNull(checkoutAt, "checkoutAt");
    Objects.requireNonNull(dueDate, "dueDate");
    if (loanPeriodDays <= 0) {
      throw new IllegalArgumentException("loanPeriodDays must be positive: " + loanPeriodDays);
    }
    if (renewalsUsed < 0) {
      throw new IllegalArgumentException("renewalsUsed must not be negative: " + renewalsUsed);
    }
    if (dueDate.isBefore(LoanCalendar.dateOf(checkoutAt))) {
      throw new IllegalArgumentException(
          "due date " + dueDate + " is before checkout " + checkoutAt);
    }
    if (recalledAt != null && recalledAt.isBefore(checkoutAt)) {
      throw new IllegalArgumentException(
          "recall " + recalledAt + " is before checkout " + checkoutAt);
    }
  }

  /** A new loan checked out at {@code checkoutAt} under {@code policy}'s loan period. */
  public static Loan checkOut(Instant checkoutAt, LoanPolicy policy) {
    int days = policy.loanPeriodDays();
    return new Loan(checkoutAt, LoanCalendar.dueDate(checkoutAt, days), days, 0, null);
  }

  /** Whether the lending library has recalled the item. */
  public boolean recalled() {
    return recalledAt != null;
  }

  /** The Hong Kong date of checkout. */
  public LocalDate checkoutDate() {
    return LoanCalendar.dateOf(checkoutAt);
  }

  /**
   * The first instant at which the loan is overdue: the start of the Hong Kong day after {@link
   * #dueDate()}.
   */
  public Instant dueInstant() {
    return LoanCalendar.dueInstant(dueDate);
  }

  /**
   * Whether the loan is overdue on Hong Kong date {@code date}, i.e. {@code date} is after the due
   * date.
   */
  public boolean isOverdueOn(LocalDate date) {
    return date.isAfter(dueDate);
  }

  Loan renewedUntil(LocalDate newDueDate) {
    return new Loan(checkoutAt, newDueDate, loanPeriodDays, renewalsUsed + 1, recalledAt);
  }

  Loan withRecall(Instant at, LocalDate newDueDate) {
    return new Loan(checkoutAt, newDueDate, loanPeriodDays, renewalsUsed, at);
  }
}
