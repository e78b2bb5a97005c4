package org.interlend.lending.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.interlend.calendar.LibraryCalendar;

/**
 * Applies a recall by the lending library to a loan.
 *
 * <p><b>The rule.</b> On a recall at instant {@code r}, with all dates in Hong Kong:
 *
 * <pre>
 * newDue = min( currentDue, max( checkoutDate + minimumUseDays, recallDate + recallNoticeDays ) )
 * </pre>
 *
 * <p>In words (defaults: 15 minimum use days, 7 days' notice): <em>a recall late in the loan
 * shortens the due date to recall + 7 days, but never below checkout + 15, and never extends
 * it.</em> A recall early in the loan therefore brings the due date to checkout + 15; a recall
 * within 7 days of the due date, or after it, leaves the due date as it is. Renewals count: for a
 * renewed loan "current due" is the renewed due date, while the minimum use period still runs from
 * the original checkout.
 *
 * <p>After a recall the loan cannot be renewed (see {@link RenewalRule}) and overdue days are fined
 * at the recalled rate (see {@link FineCalculator}).
 *
 * <p>Recalling an already-recalled loan returns it unchanged: the first recall governs, which also
 * makes a retried recall job harmless.
 */
public final class RecallRule {

  private final LoanPolicy policy;
  private final LibraryCalendar calendar;

  public RecallRule(LoanPolicy policy) {
    this(policy, LibraryCalendar.ALWAYS_OPEN);
  }

  /**
   * A rule whose shortened due date falls on an opening day of {@code calendar}: a closed day moves
   * it on to the next opening day, never beyond the current due date.
   */
  public RecallRule(LoanPolicy policy, LibraryCalendar calendar) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** The loan as it stands after a recall at {@code recalledAt}. */
  public Loan recall(Loan loan, Instant recalledAt) {
    Objects.requireNonNull(recalledAt, "recalledAt");
    if (loan.recalled()) {
      return loan;
    }
    return loan.withRecall(recalledAt, dueDateAfterRecall(loan, recalledAt));
  }

  /** The due date {@link #recall} would set, without recalling. */
  public LocalDate dueDateAfterRecall(Loan loan, Instant recalledAt) {
    LocalDate minimumUse = loan.checkoutDate().plusDays(policy.minimumUseDays());
    LocalDate notice = LoanCalendar.dateOf(recalledAt).plusDays(policy.recallNoticeDays());
    LocalDate shortened = calendar.nextOpenDay(minimumUse.isAfter(notice) ? minimumUse : notice);
    return shortened.isBefore(loan.dueDate()) ? shortened : loan.dueDate();
  }
}
