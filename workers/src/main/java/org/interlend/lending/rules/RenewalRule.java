package org.interlend.lending.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.interlend.calendar.LibraryCalendar;

/**
 * Decides whether a loan may be renewed online.
 *
 * <p>A renewal is granted only when all of these hold, checked in this order (the first failure is
 * the reason given):
 *
 * <ol>
 *   <li>the lending library allows renewals ({@link RenewalDecision.Reason#LENDER_DISALLOWS});
 *   <li>the item has not been recalled ({@link RenewalDecision.Reason#RECALLED});
 *   <li>fewer than {@link LoanPolicy#maxRenewals()} renewals have been used ({@link
 *       RenewalDecision.Reason#LIMIT_REACHED});
 *   <li>today is not after the due date ({@link RenewalDecision.Reason#OVERDUE}): an overdue item
 *       must be returned or renewed at the counter;
 *   <li>today is no earlier than {@link LoanPolicy#renewalWindowDays()} calendar days before the
 *       due date ({@link RenewalDecision.Reason#OUTSIDE_WINDOW}).
 * </ol>
 *
 * <p>So with the defaults a loan due on 15 March can be renewed from 8 March to 15 March inclusive.
 * A granted renewal moves the due date on from the <em>current</em> due date by the loan's original
 * period ({@link Loan#loanPeriodDays()}), whatever day in the window the renewal happens on.
 */
public final class RenewalRule {

  private final LoanPolicy policy;
  private final LibraryCalendar calendar;

  public RenewalRule(LoanPolicy policy) {
    this(policy, LibraryCalendar.ALWAYS_OPEN);
  }

  /**
   * A rule whose new due dates fall on opening days of {@code calendar} (the next one if closed).
   */
  public RenewalRule(LoanPolicy policy, LibraryCalendar calendar) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  /** Decides a renewal requested at {@code now}, using its Hong Kong date. */
  public RenewalDecision decide(Loan loan, Instant now) {
    return decide(loan, LoanCalendar.dateOf(now));
  }

  /** Decides a renewal requested on Hong Kong date {@code today}. */
  public RenewalDecision decide(Loan loan, LocalDate today) {
    LocalDate due = loan.dueDate();
    if (!policy.lenderAllowsRenewal()) {
      return refuse(
          RenewalDecision.Reason.LENDER_DISALLOWS,
          "The lending library does not allow renewals of this item.");
    }
    if (loan.recalled()) {
      return refuse(
          RenewalDecision.Reason.RECALLED,
          "The lending library has recalled this item, so it cannot be renewed. Please return it by "
              + due
              + ".");
    }
    if (loan.renewalsUsed() >= policy.maxRenewals()) {
      return refuse(
          RenewalDecision.Reason.LIMIT_REACHED,
          "This item has already been renewed "
              + loan.renewalsUsed()
              + " time(s), the most allowed ("
              + policy.maxRenewals()
              + ").");
    }
    if (loan.isOverdueOn(today)) {
      return refuse(
          RenewalDecision.Reason.OVERDUE,
          "This item was due on "
              + due
              + " and is overdue; overdue items cannot be renewed online."
              + " Please return it or ask at the counter.");
    }
    LocalDate windowOpens = due.minusDays(policy.renewalWindowDays());
    if (today.isBefore(windowOpens)) {
      return refuse(
          RenewalDecision.Reason.OUTSIDE_WINDOW,
          "It is too early to renew: renewal opens on "
              + windowOpens
              + ", "
              + policy.renewalWindowDays()
              + " calendar days before the due date "
              + due
              + ".");
    }
    return new RenewalDecision.Granted(
        loan.renewedUntil(calendar.nextOpenDay(due.plusDays(loan.loanPeriodDays()))));
  }

  private static RenewalDecision refuse(RenewalDecision.Reason reason, String message) {
    return new RenewalDecision.Refused(reason, message);
  }
}
