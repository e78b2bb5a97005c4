package org.interlend.lending.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The configurable numbers behind the loan rules. Amounts are Hong Kong dollars and are normalised
 * to scale 2 (an amount with fractions of a cent is rejected).
 *
 * @param loanPeriodDays calendar days from the checkout date to the due date; also the length of
 *     each renewal (15 or 30 in HKALL, by patron category)
 * @param maxRenewals how many renewals a loan may have
 * @param renewalWindowDays renewal opens this many calendar days before the due date (inclusive)
 * @param minimumUseDays a recall never brings the due date before checkout date plus this many days
 * @param recallNoticeDays a recall gives the borrower at least this many calendar days from the
 *     recall date, subject to the other recall limits (see {@link RecallRule})
 * @param finePerDay overdue fine per item per calendar day
 * @param recalledFinePerDay overdue fine per item per calendar day for a recalled loan
 * @param fineCap the most a single loan can be fined, or {@code null} for no cap
 * @param lenderAllowsRenewal whether the lending library allows renewals at all
 */
public record LoanPolicy(
    int loanPeriodDays,
    int maxRenewals,
    int renewalWindowDays,
    int minimumUseDays,
    int recallNoticeDays,
    BigDecimal finePerDay,
    BigDecimal recalledFinePerDay,
    BigDecimal fineCap,
    boolean lenderAllowsRenewal) {

  /** Loan period of most HKALL patron categories (undergraduates, non-academic staff, ...). */
  public static final int SHORT_LOAN_DAYS = 15;

  /** Loan period of academic staff, postgraduates and visiting scholars. */
  public static final int LONG_LOAN_DAYS = 30;

  public LoanPolicy {
    requirePositive("loanPeriodDays", loanPeriodDays);
    requireNonNegative("maxRenewals", maxRenewals);
    requireNonNegative("renewalWindowDays", renewalWindowDays);
    requireNonNegative("minimumUseDays", minimumUseDays);
    requireNonNegative("recallNoticeDays", recallNoticeDays);
    finePerDay = money("finePerDay", finePerDay);
    recalledFinePerDay = money("recalledFinePerDay", recalledFinePerDay);
    fineCap = fineCap == null ? null : money("fineCap", fineCap);
  }

  /**
   * The HKALL defaults for a loan period of {@code loanPeriodDays}: 2 renewals, a 7-day renewal
   * window, 15 minimum use days, 7 days' recall notice, HK$2.00 / HK$4.00 (recalled) per day, no
   * fine cap, renewals allowed by the lender.
   */
  public static LoanPolicy hkall(int loanPeriodDays) {
    return new LoanPolicy(
        loanPeriodDays, 2, 7, 15, 7, new BigDecimal("2.00"), new BigDecimal("4.00"), null, true);
  }

  public LoanPolicy withLoanPeriodDays(int days) {
    return new LoanPolicy(
        days,
        maxRenewals,
        renewalWindowDays,
        minimumUseDays,
        recallNoticeDays,
        finePerDay,
        recalledFinePerDay,
        fineCap,
        lenderAllowsRenewal);
  }

  public LoanPolicy withLenderAllowsRenewal(boolean allows) {
    return new LoanPolicy(
        loanPeriodDays,
        maxRenewals,
        renewalWindowDays,
        minimumUseDays,
        recallNoticeDays,
        finePerDay,
        recalledFinePerDay,
        fineCap,
        allows);
  }

  /** A copy with the given fine cap; {@code null} removes the cap. */
  public LoanPolicy withFineCap(BigDecimal cap) {
    return new LoanPolicy(
        loanPeriodDays,
        maxRenewals,
        renewalWindowDays,
        minimumUseDays,
        recallNoticeDays,
        finePerDay,
        recalledFinePerDay,
        cap,
        lenderAllowsRenewal);
  }

  public LoanPolicy withRecallNoticeDays(int days) {
    return new LoanPolicy(
        loanPeriodDays,
        maxRenewals,
        renewalWindowDays,
        minimumUseDays,
        days,
        finePerDay,
        recalledFinePerDay,
        fineCap,
        lenderAllowsRenewal);
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  private static void requireNonNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }

  private static BigDecimal money(String name, BigDecimal amount) {
    Objects.requireNonNull(amount, name);
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + amount);
    }
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(name + " has fractions of a cent: " + amount, e);
    }
  }
}
