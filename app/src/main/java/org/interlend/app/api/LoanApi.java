package org.interlend.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.interlend.app.security.Actor;
import org.interlend.app.security.RequestAccess;
import org.interlend.lending.lifecycle.FineEntry;
import org.interlend.lending.lifecycle.FineLedger;
import org.interlend.lending.lifecycle.FineStatement;
import org.interlend.lending.lifecycle.LoanDesk;
import org.interlend.lending.lifecycle.Loans;
import org.interlend.lending.lifecycle.PatronLoan;
import org.interlend.lending.lifecycle.Renewal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loans during their life: the patron renews online and sees their fines; the lending library's
 * staff recall; the counter checks items in.
 *
 * <p>The {@code loan-lifecycle} process is the one place that changes a loan. These endpoints check
 * who is asking and that the loan is open, publish the message to the process, and wait (a few
 * seconds) for the process to act, so the answer is immediate: a renewal is granted with its new
 * due date or refused with the reason. Should the process not answer in time, the answer is 202
 * Accepted (the message stays buffered and the process acts on it when it can).
 */
@RestController
@Tag(name = "Loans", description = "Renewals, recalls, check-in and fines of loans to patrons")
public class LoanApi {

  private final Loans loans;
  private final LoanDesk desk;
  private final FineLedger ledger;
  private final RequestAccess access;

  public LoanApi(Loans loans, LoanDesk desk, FineLedger ledger, RequestAccess access) {
    this.loans = loans;
    this.desk = desk;
    this.ledger = ledger;
    this.access = access;
  }

  /** A loan as its patron and staff see it. Dates are Hong Kong dates. */
  public record LoanView(
      String requestId,
      String patronId,
      String lenderCode,
      Instant checkoutAt,
      LocalDate dueDate,
      int renewalsUsed,
      boolean recalled,
      boolean overdue,
      Instant returnedAt,
      Instant lostAt,
      List<RenewalView> renewals,
      List<FineEntry> fines) {}

  /** One renewal decision. */
  public record RenewalView(
      Instant requestedAt, boolean granted, String reason, String message, LocalDate dueDate) {
    static RenewalView of(Renewal r) {
      return new RenewalView(r.requestedAt(), r.granted(), r.reason(), r.message(), r.dueAfter());
    }
  }

  /** The answer to a granted renewal, a recall or a check-in. */
  public record LoanChange(
      String requestId,
      String outcome,
      String message,
      LocalDate dueDate,
      int renewalsUsed,
      Instant returnedAt,
      BigDecimal fine) {}

  @Operation(
      summary = "My loan",
      description = "The signed-in patron's loan for a request: due date, renewals, recall, fines.")
  @GetMapping("/api/requests/{id}/loan")
  public LoanView loan(@PathVariable String id, Principal principal) {
    access.require(Actor.of(principal), RequestAccess.Action.READ, id);
    PatronLoan loan = loans.find(id).orElseThrow(() -> noLoan(id));
    return new LoanView(
        loan.requestId(),
        loan.patronId(),
        loan.lenderCode(),
        loan.checkoutAt(),
        loan.dueDate(),
        loan.renewalsUsed(),
        loan.recalled(),
        loan.overdue(),
        loan.returnedAt(),
        loan.lostAt(),
        loans.renewals(id).stream().map(RenewalView::of).toList(),
        ledger.forLoan(id));
  }

  @Operation(
      summary = "Renew my loan",
      description =
          "Renews by the original loan period, within 7 calendar days of the due date, at most twice,"
              + " unless recalled or the lender does not allow renewals. 200 with the new due date;"
              + " 409 with \"reason\" (RECALLED, LIMIT_REACHED, OUTSIDE_WINDOW, OVERDUE,"
              + " LENDER_DISALLOWS) and a sentence saying why; 202 if not decided yet.")
  @PostMapping("/api/requests/{id}/renew")
  public ResponseEntity<LoanChange> renew(@PathVariable String id, Principal principal) {
    access.require(Actor.of(principal), RequestAccess.Action.RENEW, id);
    PatronLoan loan = openLoan(loans.find(id).orElseThrow(() -> noLoan(id)));
    Optional<Renewal> decided = desk.renew(loan.requestId());
    if (decided.isEmpty()) {
      return pending(loan, "Your renewal request was received and will be decided shortly.");
    }
    Renewal renewal = decided.get();
    if (!renewal.granted()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, renewal.message());
      problem.setTitle("Renewal refused");
      problem.setProperty("reason", renewal.reason());
      problem.setProperty("dueDate", renewal.dueAfter().toString());
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
    PatronLoan renewed = loans.get(id);
    return ResponseEntity.ok(
        new LoanChange(
            id,
            "RENEWED",
            renewal.message(),
            renewed.dueDate(),
            renewed.renewalsUsed(),
            null,
            null));
  }

  @Operation(
      summary = "Recall a loan (lending library staff)",
      description =
          "The lending library recalls its item: the patron is e-mailed, the due date shortens to"
              + " 7 days after the recall but never before checkout + 15 days (and never extends),"
              + " and no renewals follow. Only the owning library's staff may recall.")
  @PostMapping("/api/staff/requests/{id}/recall")
  public ResponseEntity<LoanChange> recall(@PathVariable String id, Principal principal) {
    access.require(Actor.of(principal), RequestAccess.Action.RECALL, id);
    PatronLoan loan = openLoan(loans.find(id).orElseThrow(() -> noLoan(id)));
    if (loan.recalled()) {
      throw ApiErrors.problem(
          HttpStatus.CONFLICT,
          "Already recalled",
          id + " was recalled already; it is due on " + loan.dueDate() + ".");
    }
    Optional<PatronLoan> recalled = desk.recall(id, "staff " + principal.getName());
    if (recalled.isEmpty()) {
      return pending(loan, "The recall was received and will be applied shortly.");
    }
    PatronLoan r = recalled.get();
    return ResponseEntity.ok(
        new LoanChange(
            id,
            "RECALLED",
            "Recalled: the patron was told to return it by " + r.dueDate() + ".",
            r.dueDate(),
            r.renewalsUsed(),
            null,
            null));
  }

  @Operation(
      summary = "Check a loan in at the counter (staff)",
      description =
          "Ends the loan: records the return and charges any overdue fine (HK$2.00 a day, HK$4.00"
              + " when recalled). Staff of the patron's home library or of the lender.")
  @PostMapping("/api/staff/requests/{id}/check-in")
  public ResponseEntity<LoanChange> checkIn(@PathVariable String id, Principal principal) {
    access.require(Actor.of(principal), RequestAccess.Action.COUNTER, id);
    PatronLoan loan = openLoan(loans.find(id).orElseThrow(() -> noLoan(id)));
    Optional<PatronLoan> returned = desk.checkIn(id, "staff " + principal.getName());
    if (returned.isEmpty()) {
      return pending(loan, "The return was received and will be recorded shortly.");
    }
    PatronLoan r = returned.get();
    BigDecimal fine =
        ledger.forLoan(id).stream()
            .filter(f -> f.kind().equals(FineLedger.OVERDUE))
            .map(FineEntry::amount)
            .findFirst()
            .orElse(new BigDecimal("0.00"));
    return ResponseEntity.ok(
        new LoanChange(
            id,
            "RETURNED",
            fine.signum() == 0
                ? "Returned on time."
                : "Returned late: overdue fine HK$" + fine + ".",
            r.dueDate(),
            r.renewalsUsed(),
            r.returnedAt(),
            fine));
  }

  @Operation(
      summary = "Report a loaned item lost or damaged (staff)",
      description =
          "The patron's library or the lender reports the item lost or damaged: the lender's staff"
              + " get the task \"Record loss or damage\", which applies the lender's replacement"
              + " charge and processing fee and tells the patron.")
  @PostMapping("/api/staff/requests/{id}/lost")
  public ResponseEntity<LoanChange> reportLost(@PathVariable String id, Principal principal) {
    access.require(Actor.of(principal), RequestAccess.Action.COUNTER, id);
    PatronLoan loan = openLoan(loans.find(id).orElseThrow(() -> noLoan(id)));
    desk.reportLoss(id, "staff " + principal.getName());
    return ResponseEntity.accepted()
        .body(
            new LoanChange(
                id,
                "LOSS_REPORTED",
                "Reported: the lender's staff ("
                    + loan.lenderCode()
                    + ") will record the loss or damage.",
                loan.dueDate(),
                loan.renewalsUsed(),
                null,
                null));
  }

  @Operation(
      summary = "My fines",
      description = "The signed-in patron's fines ledger, oldest first, with the total (HK$).")
  @GetMapping("/api/fines")
  public FineStatement fines(Principal principal) {
    return ledger.statement(signedIn(principal));
  }

  private static PatronLoan openLoan(PatronLoan loan) {
    if (loan.returnedAt() != null) {
      throw ApiErrors.problem(
          HttpStatus.CONFLICT,
          "Loan ended",
          loan.requestId() + " was returned on " + loan.returnedAt() + ".");
    }
    if (loan.lostAt() != null) {
      throw ApiErrors.problem(
          HttpStatus.CONFLICT,
          "Loan ended",
          loan.requestId()
              + " was recorded "
              + ("DAMAGED".equals(loan.lossKind()) ? "damaged" : "lost")
              + " on "
              + loan.lostAt()
              + ".");
    }
    return loan;
  }

  private static String signedIn(Principal principal) {
    if (principal == null) {
      throw ApiErrors.problem(HttpStatus.UNAUTHORIZED, "Sign in", "Sign in to use loans.");
    }
    return principal.getName();
  }

  private static ErrorResponseException noLoan(String id) {
    return ApiErrors.problem(
        HttpStatus.NOT_FOUND, "No such loan", "There is no loan for request " + id + ".");
  }

  private static ResponseEntity<LoanChange> pending(PatronLoan loan, String message) {
    return ResponseEntity.accepted()
        .body(
            new LoanChange(
                loan.requestId(),
                "PENDING",
                message,
                loan.dueDate(),
                loan.renewalsUsed(),
                null,
                null));
  }
}
