package org.interlend.lending.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Computes overdue fines.
 *
 * <p>A loan is fined {@link LoanPolicy#finePerDay()} (HK$2.00 by default) per calendar day from the
 * day after the due date up to and including the return date, both Hong Kong dates. Once the loan
 * has been recalled, overdue days from the recall date on are fined at {@link
 * LoanPolicy#recalledFinePerDay()} (HK$4.00 by default); overdue days before the recall date stay
 * at the normal rate (the borrower could not have known of the recall). A return on or before the
 * due date costs nothing. If the policy has a {@link LoanPolicy#fineCap() fine cap}, the amount
 * never exceeds it. Amounts are {@link BigDecimal} with scale 2.
 */
public final class FineCalculator {

  private final LoanPolicy policy;

  public FineCalculator(LoanPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The fine for {@code loan} returned at {@code returnedAt}, counted on its Hong Kong date. */
  public Fine fine(Loan loan, Instant returnedAt) {
    return fine(loan, LoanCalendar.dateOf(returnedAt));
  }

  /**
   * The fine for {@code loan} returned (or assessed so far) on Hong Kong date {@code returnDate}.
   */
  public Fine fine(Loan loan, LocalDate returnDate) {
    long days = LoanCalendar.daysOverdue(loan.dueDate(), returnDate);
    long recalledDays = 0;
    if (loan.recalled() && days > 0) {
      // overdue days are dueDate+1 .. returnDate; those on or after the recall date are recalled
      LocalDate firstOverdue = loan.dueDate().plusDays(1);
      LocalDate firstRecalled = LoanCalendar.dateOf(loan.recalledAt());
      LocalDate from = firstRecalled.isAfter(firstOverdue) ? firstRecalled : firstOverdue;
      recalledDays = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(from, returnDate) + 1);
      recalledDays = Math.min(recalledDays, days);
    }
    BigDecimal amount =
        policy
            .finePerDay()
            .multiply(BigDecimal.valueOf(days - recalledDays))
            .add(policy.recalledFinePerDay().multiply(BigDecimal.valueOf(recalledDays)));
    boolean recalledRate = loan.recalled() && (recalledDays > 0 || days == 0);
    BigDecimal rate = recalledRate ? policy.recalledFinePerDay() : policy.finePerDay();
    BigDecimal cap = policy.fineCap();
    if (cap != null && amount.compareTo(cap) > 0) {
      amount = cap;
    }
    return new Fine(days, rate, amount, recalledDays);
  }
}
