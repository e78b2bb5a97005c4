package org.interlend.lending.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.interlend.lending.rules.Loan;
import org.interlend.lending.rules.LoanCalendar;

/**
 * A loan to a patron as stored by the loan-lifecycle process: one per request.
 *
 * @param dueDate the current due date, a Hong Kong date; the loan is overdue from {@link
 *     #dueInstant()}
 * @param overdueAt when the loan was found overdue and the patron told so, or null
 * @param lossKind LOST or DAMAGED once staff recorded it, else null
 */
public record PatronLoan(
    String requestId,
    String patronId,
    String lenderCode,
    Instant checkoutAt,
    int loanDays,
    LocalDate dueDate,
    int renewalsUsed,
    Instant recalledAt,
    Instant overdueAt,
    Instant returnedAt,
    Instant lostAt,
    String lossKind) {

  /** How long after the due date staff are asked to record the item as lost. */
  public static final Duration LONG_OVERDUE = Duration.ofDays(30);

  /** The timer the process waits on next: the due instant, then the long-overdue instant. */
  public enum TimerKind {
    DUE,
    LONG_OVERDUE
  }

  public boolean recalled() {
    return recalledAt != null;
  }

  public boolean overdue() {
    return overdueAt != null;
  }

  /** Whether the loan has ended: returned or recorded lost. */
  public boolean closed() {
    return returnedAt != null || lostAt != null;
  }

  /** The first instant at which the loan is overdue: the start of the HK day after the due date. */
  public Instant dueInstant() {
    return LoanCalendar.dueInstant(dueDate);
  }

  public TimerKind nextTimerKind() {
    return overdue() ? TimerKind.LONG_OVERDUE : TimerKind.DUE;
  }

  /** When the process's timer should fire next (see {@link #nextTimerKind()}). */
  public Instant nextTimerAt() {
    return overdue() ? dueInstant().plus(LONG_OVERDUE) : dueInstant();
  }

  /** The snapshot the plain-Java rules work on. */
  public Loan toRuleLoan() {
    return new Loan(checkoutAt, dueDate, loanDays, renewalsUsed, recalledAt);
  }
}
