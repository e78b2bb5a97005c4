package org.interlend.lending.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.interlend.calendar.Calendars;
import org.interlend.calendar.LibraryCalendar;
import org.interlend.lending.rules.Fine;
import org.interlend.lending.rules.FineCalculator;
import org.interlend.lending.rules.LoanCalendar;
import org.interlend.lending.rules.LoanPolicy;
import org.interlend.lending.rules.RecallRule;
import org.interlend.lending.rules.RenewalDecision;
import org.interlend.lending.rules.RenewalRule;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.interlend.patrons.Patrons;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a loan during its life: checkout, renewals, recall, overdue, return, loss. Each
 * method applies the plain-Java rules ({@code org.interlend.lending.rules}) to the stored loan
 * under a row lock and persists the outcome; each is safe to call again with the same arguments (a
 * retried job), returning the outcome of the first call. Instants come from the engine clock, never
 * the JVM's.
 */
@Service
public class LoanLifecycle {

  private final Loans loans;
  private final FineLedger ledger;
  private final Libraries libraries;
  private final Patrons patrons;
  private final Calendars calendars;

  public LoanLifecycle(
      Loans loans, FineLedger ledger, Libraries libraries, Patrons patrons, Calendars calendars) {
    this.loans = loans;
    this.ledger = ledger;
    this.libraries = libraries;
    this.patrons = patrons;
    this.calendars = calendars;
  }

  /**
   * The calendar due dates follow: the patron's home library's, where the item is returned. A due
   * date is never on a day that library is closed.
   */
  public LibraryCalendar calendar(String patronId) {
    return calendars.of(patrons.get(patronId).homeLibrary());
  }

  /** The stored loan of a request. */
  public PatronLoan loan(String requestId) {
    return loans.get(requestId);
  }

  /** The fine per overdue day that applies to the loan now (the recalled rate once recalled). */
  public BigDecimal dailyFine(PatronLoan loan) {
    LoanPolicy policy = policy(loan);
    return loan.recalled() ? policy.recalledFinePerDay() : policy.finePerDay();
  }

  /**
   * The rules for this loan: HKALL defaults, the loan's period, the lender's renewal flag; a loan
   * with the lender's own terms (an overseas partner's) uses its fee (the same after a recall) and
   * renewal flag.
   */
  public LoanPolicy policy(PatronLoan loan) {
    Library lender = libraries.get(loan.lenderCode());
    LoanPolicy policy =
        LoanPolicy.hkall(loan.loanDays()).withLenderAllowsRenewal(lender.allowsRenewal());
    Optional<LoanTerms> terms = loans.terms(loan.requestId());
    if (terms.isEmpty()) {
      return policy;
    }
    LoanTerms t = terms.get();
    BigDecimal fee = t.finePerDay() == null ? policy.finePerDay() : t.finePerDay();
    return new LoanPolicy(
        policy.loanPeriodDays(),
        policy.maxRenewals(),
        policy.renewalWindowDays(),
        policy.minimumUseDays(),
        policy.recallNoticeDays(),
        fee,
        t.finePerDay() == null ? policy.recalledFinePerDay() : fee,
        policy.fineCap(),
        t.allowsRenewal());
  }

  /**
   * Stores a loan on the lender's own terms (an overseas partner's): due on {@code terms.dueDate()}
   * rather than after the category's loan period. A second call returns the stored loan.
   */
  @Transactional
  public PatronLoan open(
      String requestId,
      String patronId,
      String lenderCode,
      Instant checkoutAt,
      int loanDays,
      LoanTerms terms) {
    if (terms == null) {
      return open(requestId, patronId, lenderCode, checkoutAt, loanDays);
    }
    libraries.get(lenderCode);
    LocalDate checkoutDate = LoanCalendar.dateOf(checkoutAt);
    LocalDate due = terms.dueDate().isBefore(checkoutDate) ? checkoutDate : terms.dueDate();
    loans.insert(requestId, patronId, lenderCode, checkoutAt, loanDays, due);
    loans.saveTerms(requestId, terms);
    return loans.get(requestId);
  }

  /**
   * Stores the loan checked out at {@code checkoutAt}, due {@link LoanCalendar#dueDate}; a second
   * call for the same request returns the stored loan unchanged.
   */
  @Transactional
  public PatronLoan open(
      String requestId, String patronId, String lenderCode, Instant checkoutAt, int loanDays) {
    libraries.get(lenderCode); // an unknown lender is a caller's error, said clearly
    loans.insert(
        requestId,
        patronId,
        lenderCode,
        checkoutAt,
        loanDays,
        LoanCalendar.dueDate(checkoutAt, loanDays, calendar(patronId)));
    PatronLoan loan = loans.get(requestId);
    if (!loan.patronId().equals(patronId) || !loan.lenderCode().equals(lenderCode)) {
      throw new IllegalStateException(
          "request "
              + requestId
              + " already has a loan to "
              + loan.patronId()
              + " from "
              + loan.lenderCode()
              + ", not to "
              + patronId
              + " from "
              + lenderCode);
    }
    return loan;
  }

  /**
   * Decides a renewal requested at {@code requestedAt} and, when granted, extends the loan. The
   * decision is recorded once per {@code dedupKey} and once per {@code renewalId} (if given):
   * asking again returns the recorded decision.
   */
  @Transactional
  public Renewal renew(String requestId, String renewalId, Instant requestedAt, String dedupKey) {
    Objects.requireNonNull(requestedAt, "requestedAt");
    PatronLoan loan = loans.lock(requestId);
    Optional<Renewal> decided = loans.renewalByDedupKey(dedupKey);
    if (decided.isEmpty() && renewalId != null) {
      decided = loans.findRenewal(renewalId);
    }
    if (decided.isPresent()) {
      return decided.get();
    }
    Renewal renewal;
    if (loan.closed()) {
      renewal =
          new Renewal(
              requestId,
              renewalId,
              requestedAt,
              false,
              "CLOSED",
              "This loan has ended; there is nothing to renew.",
              loan.dueDate(),
              loan.dueDate());
    } else {
      RenewalDecision decision =
          new RenewalRule(policy(loan), calendar(loan.patronId()))
              .decide(loan.toRuleLoan(), requestedAt);
      renewal =
          switch (decision) {
            case RenewalDecision.Granted g -> {
              loans.renew(requestId, g.loan().dueDate(), g.loan().renewalsUsed());
              yield new Renewal(
                  requestId,
                  renewalId,
                  requestedAt,
                  true,
                  null,
                  "Renewed: the item is now due on "
                      + g.loan().dueDate()
                      + " (renewal "
                      + g.loan().renewalsUsed()
                      + " of "
                      + policy(loan).maxRenewals()
                      + ").",
                  loan.dueDate(),
                  g.loan().dueDate());
            }
            case RenewalDecision.Refused r ->
                new Renewal(
                    requestId,
                    renewalId,
                    requestedAt,
                    false,
                    r.reason().name(),
                    r.message(),
                    loan.dueDate(),
                    loan.dueDate());
          };
    }
    loans.recordRenewal(renewal, dedupKey);
    return renewal;
  }

  /**
   * @param applied whether this recall (or an earlier call with the same key) changed the loan;
   *     false when the loan had already been recalled by someone else, or has ended
   */
  public record RecallOutcome(PatronLoan loan, boolean applied) {}

  /**
   * Applies a recall by the lender at {@code recalledAt} ({@link RecallRule}); the first recall
   * governs.
   */
  @Transactional
  public RecallOutcome recall(String requestId, Instant recalledAt, String dedupKey) {
    PatronLoan loan = loans.lock(requestId);
    if (loan.recalled()) {
      return new RecallOutcome(loan, dedupKey.equals(loans.recallDedupKey(requestId)));
    }
    if (loan.closed()) {
      return new RecallOutcome(loan, false);
    }
    LocalDate due =
        new RecallRule(policy(loan), calendar(loan.patronId()))
            .recall(loan.toRuleLoan(), recalledAt)
            .dueDate();
    loans.recall(requestId, recalledAt, due, dedupKey);
    return new RecallOutcome(loans.get(requestId), true);
  }

  /**
   * Marks the loan overdue if at {@code checkedAt} its due date has passed. Marking again changes
   * nothing.
   *
   * @return the loan; {@link PatronLoan#overdue()} says whether it is (now) overdue
   */
  @Transactional
  public PatronLoan markOverdue(String requestId, Instant checkedAt) {
    PatronLoan loan = loans.lock(requestId);
    if (!loan.overdue() && !loan.closed() && !checkedAt.isBefore(loan.dueInstant())) {
      loans.markOverdue(requestId, loan.dueInstant());
      loan = loans.get(requestId);
    }
    return loan;
  }

  /**
   * Records the return at {@code returnedAt} (the first recorded return counts) and charges the
   * overdue fine, if any, computed from the return date (one ledger entry per loan).
   */
  @Transactional
  public Fine returned(String requestId, Instant returnedAt) {
    loans.lock(requestId);
    loans.markReturned(requestId, returnedAt);
    PatronLoan loan = loans.get(requestId);
    Fine fine = chargeOverdue(loan, loan.returnedAt(), "returned");
    return fine;
  }

  /** The charges for a lost or damaged item. Amounts in HK$. */
  public record LossCharges(
      PatronLoan loan, Fine overdue, BigDecimal replacement, BigDecimal processingFee) {
    public BigDecimal total() {
      return overdue.amount().add(replacement).add(processingFee);
    }
  }

  /**
   * Records the item as lost or damaged ({@code kind} LOST or DAMAGED) at {@code at}, and charges
   * the lender's replacement charge and processing fee plus the overdue fine accrued until then.
   */
  @Transactional
  public LossCharges recordLoss(String requestId, Instant at, String kind, String note) {
    if (!"LOST".equals(kind) && !"DAMAGED".equals(kind)) {
      throw new IllegalArgumentException("loss kind must be LOST or DAMAGED, not " + kind);
    }
    loans.lock(requestId);
    loans.markLost(requestId, at, kind, note);
    PatronLoan loan = loans.get(requestId);
    Library lender = libraries.get(loan.lenderCode());
    Optional<LoanTerms> terms = loans.terms(requestId);
    String whose = terms.map(t -> "the partner (" + t.partnerCode() + ")").orElse(lender.name());
    BigDecimal replacement =
        terms
            .map(LoanTerms::replacementCharge)
            .filter(java.util.Objects::nonNull)
            .orElse(lender.replacementCharge());
    BigDecimal fee =
        terms
            .map(LoanTerms::processingFee)
            .filter(java.util.Objects::nonNull)
            .orElse(lender.processingFee());
    String what = "DAMAGED".equals(loan.lossKind()) ? "damaged" : "lost";
    Fine fine = chargeOverdue(loan, loan.lostAt(), "recorded " + what);
    ledger.charge(
        loan.patronId(),
        requestId,
        FineLedger.REPLACEMENT,
        replacement,
        "Replacement charge of " + whose + " for an item " + what,
        loan.lostAt());
    ledger.charge(
        loan.patronId(),
        requestId,
        FineLedger.PROCESSING_FEE,
        fee,
        "Processing fee of " + whose + " for an item " + what,
        loan.lostAt());
    return new LossCharges(loan, fine, replacement, fee);
  }

  /**
   * How the days were charged: one rate, or the normal rate until the recall and then the recalled
   * one.
   */
  static String rates(Fine fine, LoanPolicy policy) {
    if (fine.recalledDays() == 0) {
      return " at HK$" + fine.dailyRate() + "/day";
    }
    if (fine.recalledDays() == fine.overdueDays()) {
      return " at HK$" + policy.recalledFinePerDay() + "/day (recalled item)";
    }
    return ": "
        + (fine.overdueDays() - fine.recalledDays())
        + " at HK$"
        + policy.finePerDay()
        + "/day, then "
        + fine.recalledDays()
        + " from the recall at HK$"
        + policy.recalledFinePerDay()
        + "/day";
  }

  private Fine chargeOverdue(PatronLoan loan, Instant endedAt, String ended) {
    Fine fine = new FineCalculator(policy(loan)).fine(loan.toRuleLoan(), endedAt);
    ledger.charge(
        loan.patronId(),
        loan.requestId(),
        FineLedger.OVERDUE,
        fine.amount(),
        "Overdue "
            + fine.overdueDays()
            + " day(s)"
            + rates(fine, policy(loan))
            + ": due "
            + loan.dueDate()
            + ", "
            + ended
            + " "
            + LoanCalendar.dateOf(endedAt),
        endedAt);
    return fine;
  }
}
