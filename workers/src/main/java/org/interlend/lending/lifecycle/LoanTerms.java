package org.interlend.lending.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A lender's own terms for one loan, overriding the defaults of the lender library: an overseas
 * partner's due date (as the patron's, earlier), its overdue fee and replacement charge, and
 * whether it allows renewals. Null amounts keep the library's defaults.
 */
public record LoanTerms(
    String partnerCode,
    LocalDate partnerDueDate,
    LocalDate dueDate,
    BigDecimal finePerDay,
    BigDecimal replacementCharge,
    BigDecimal processingFee,
    boolean allowsRenewal) {

  public LoanTerms {
    Objects.requireNonNull(dueDate, "dueDate");
  }
}
