package org.interlend.lending.rules;

import java.util.Objects;

/**
 * The outcome of asking {@link RenewalRule} to renew a loan: either granted or refused with a
 * reason.
 */
public sealed interface RenewalDecision {

  /** Why a renewal was refused. */
  enum Reason {
    /** The lending library has recalled the item. */
    RECALLED,
    /** The loan has already had the maximum number of renewals. */
    LIMIT_REACHED,
    /** Too early: the renewal window before the due date has not opened yet. */
    OUTSIDE_WINDOW,
    /** The due date has passed; an overdue item cannot be renewed online. */
    OVERDUE,
    /** The lending library does not allow renewals. */
    LENDER_DISALLOWS
  }

  boolean granted();

  /**
   * The renewal was granted.
   *
   * @param loan the renewed loan (new due date, one more renewal used)
   */
  record Granted(Loan loan) implements RenewalDecision {
    public Granted {
      Objects.requireNonNull(loan, "loan");
    }

    @Override
    public boolean granted() {
      return true;
    }
  }

  /**
   * The renewal was refused; the loan is unchanged.
   *
   * @param reason a stable code for processes and workers to branch on
   * @param message an English sentence for the borrower saying why
   */
  record Refused(Reason reason, String message) implements RenewalDecision {
    public Refused {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean granted() {
      return false;
    }
  }
}
