package org.interlend.lending.rules;

import java.math.BigDecimal;

/**
 * An overdue fine for one loan, in Hong Kong dollars (scale 2).
 *
 * @param overdueDays calendar days overdue (Hong Kong dates); zero if returned on time
 * @param dailyRate the rate applied per day
 * @param amount what the borrower owes: {@code overdueDays × dailyRate}, limited by any fine cap
 */
public record Fine(long overdueDays, BigDecimal dailyRate, BigDecimal amount) {

    /** Whether nothing is owed. */
    public boolean isZero() {
        return amount.signum() == 0;
    }
}
