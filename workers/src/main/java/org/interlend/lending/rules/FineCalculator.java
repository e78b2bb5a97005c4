package org.interlend.lending.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Computes overdue fines.
 *
 * <p>A loan is fined {@link LoanPolicy#finePerDay()} (HK$2.00 by default) per calendar day from the
 * day after the due date up to and including the return date, both Hong Kong dates. If the loan has
 * been recalled the whole overdue period is fined at {@link LoanPolicy#recalledFinePerDay()} (HK$4.00
 * by default). A return on or before the due date costs nothing. If the policy has a {@link
 * LoanPolicy#fineCap() fine cap}, the amount never exceeds it. Amounts are {@link BigDecimal} with
 * scale 2.
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

    /** The fine for {@code loan} returned (or assessed so far) on Hong Kong date {@code returnDate}. */
    public Fine fine(Loan loan, LocalDate returnDate) {
        long days = LoanCalendar.daysOverdue(loan.dueDate(), returnDate);
        BigDecimal rate = loan.recalled() ? policy.recalledFinePerDay() : policy.finePerDay();
        BigDecimal amount = rate.multiply(BigDecimal.valueOf(days));
        BigDecimal cap = policy.fineCap();
        if (cap != null && amount.compareTo(cap) > 0) {
            amount = cap;
        }
        return new Fine(days, rate, amount);
    }
}
