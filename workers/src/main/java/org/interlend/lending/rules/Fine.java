package org.interlend.lending.rules;

import java.math.BigDecimal;

/**
 * An overdue fine for one loan, in Hong Kong dollars (scale 2).
 *
 * @param overdueDays calendar days overdue (Hong Kong dates); zero if returned on time
 * @param dailyRate the rate of the last overdue day (the recalled rate once recalled)
 * @param amount what the borrower owes: the normal rate for overdue days before the recall date,
 *     the recalled rate from the recall date on, limited by any fine cap
 * @param recalledDays how many of the overdue days were charged at the recalled rate
 */
public record Fine(long overdueDays, BigDecimal dailyRate, BigDecimal amount, long recalledDays) {

  /** A fine with no day at the recalled rate. */
  public Fine(long overdueDays, BigDecimal dailyRate, BigDecimal amount) {
    this(overdueDays, dailyRate, amount, 0);
  }

  /** Whether nothing is owed. */
  public boolean isZero() {
    return amount.signum() == 0;
  }
}
