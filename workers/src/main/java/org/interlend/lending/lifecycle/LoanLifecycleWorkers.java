package org.interlend.lending.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.interlend.lending.rules.Fine;
import org.interlend.libraries.Libraries;
import org.interlend.patrons.Patrons;
import org.interlend.requests.Requests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job workers of the {@code loan-lifecycle} process. Each reads its variables, calls {@link
 * LoanLifecycle} and returns the loan's state for the gateways, timer and notices. Times ("now")
 * come from the process (FEEL {@code now()} on the engine clock), never from this JVM's clock. The
 * job key is the deduplication key where the outcome is not already idempotent by the loan's state.
 */
@Component
public class LoanLifecycleWorkers {

  private final LoanLifecycle lifecycle;
  private final Libraries libraries;
  private final Requests requests;
  private final Patrons patrons;
  private final String consoleUrl;

  public LoanLifecycleWorkers(
      LoanLifecycle lifecycle,
      Libraries libraries,
      Requests requests,
      Patrons patrons,
      @Value("${interlend.public-url:http://localhost:8080}") String consoleUrl) {
    this.lifecycle = lifecycle;
    this.libraries = libraries;
    this.requests = requests;
    this.patrons = patrons;
    this.consoleUrl = consoleUrl.replaceAll("/+$", "");
  }

  /**
   * Stores the loan. A loan on a partner's terms (overseas) also has {@code patronDueDate} and
   * optionally {@code partnerCode}, {@code partnerDueDate}, {@code partnerFinePerDay}, {@code
   * partnerReplacementCharge}, {@code partnerProcessingFee}, {@code partnerAllowsRenewal}.
   */
  @JobWorker(type = "store-loan")
  public Map<String, Object> storeLoan(
      ActivatedJob job,
      @Variable(name = "requestId") String requestId,
      @Variable(name = "patronId") String patronId,
      @Variable(name = "lenderCode") String lenderCode,
      @Variable(name = "loanDays") Object loanDays,
      @Variable(name = "checkoutAt") Object checkoutAt) {
    require("requestId", requestId);
    require("patronId", patronId);
    require("lenderCode", lenderCode);
    PatronLoan loan =
        lifecycle.open(
            requestId,
            patronId,
            lenderCode,
            EngineTime.parse("checkoutAt", checkoutAt),
            days(loanDays),
            terms(job.getVariablesAsMap()));
    Map<String, Object> out = state(loan);
    out.put("lenderName", libraries.get(lenderCode).name());
    // for the staff's "Record loss or damage" form: which request, title and patron
    out.put("itemTitle", requests.get(requestId).title());
    out.put("patronName", patrons.get(patronId).name());
    out.put("requestUrl", consoleUrl + "/staff/requests/" + requestId);
    return out;
  }

  @JobWorker(type = "renew-loan")
  public Map<String, Object> renewLoan(
      ActivatedJob job,
      @Variable(name = "requestId") String requestId,
      @Variable(name = "renewalId") String renewalId,
      @Variable(name = "renewRequestedAt") Object renewRequestedAt) {
    Renewal renewal =
        lifecycle.renew(
            requestId,
            renewalId,
            EngineTime.parse("renewRequestedAt", renewRequestedAt),
            dedupKey(job));
    Map<String, Object> out = state(lifecycle.loan(requestId));
    out.put("renewalGranted", renewal.granted());
    out.put("renewalReason", renewal.reason());
    out.put("renewalMessage", renewal.message());
    out.put("renewalId", null); // a later renewal message without an id must not reuse this one
    return out;
  }

  @JobWorker(type = "recall-loan")
  public Map<String, Object> recallLoan(
      ActivatedJob job,
      @Variable(name = "requestId") String requestId,
      @Variable(name = "recalledAt") Object recalledAt) {
    LoanLifecycle.RecallOutcome outcome =
        lifecycle.recall(requestId, EngineTime.parse("recalledAt", recalledAt), dedupKey(job));
    Map<String, Object> out = state(outcome.loan());
    out.put("recallApplied", outcome.applied());
    return out;
  }

  @JobWorker(type = "mark-overdue")
  public Map<String, Object> markOverdue(
      @Variable(name = "requestId") String requestId,
      @Variable(name = "checkedAt") Object checkedAt) {
    PatronLoan loan = lifecycle.markOverdue(requestId, EngineTime.parse("checkedAt", checkedAt));
    Map<String, Object> out = state(loan);
    out.put("overdueMarked", loan.overdue());
    out.put("dailyFine", lifecycle.dailyFine(loan).toPlainString());
    return out;
  }

  @JobWorker(type = "assess-fine")
  public Map<String, Object> assessFine(
      @Variable(name = "requestId") String requestId,
      @Variable(name = "returnedAt") Object returnedAt) {
    Fine fine = lifecycle.returned(requestId, EngineTime.parse("returnedAt", returnedAt));
    PatronLoan loan = lifecycle.loan(requestId);
    Map<String, Object> out = state(loan);
    out.put("returnedAt", loan.returnedAt().toString());
    out.put("fineDays", fine.overdueDays());
    out.put("fineAmount", fine.amount().toPlainString());
    out.put("loanOutcome", "RETURNED");
    return out;
  }

  @JobWorker(type = "charge-loss")
  public Map<String, Object> chargeLoss(
      @Variable(name = "requestId") String requestId,
      @Variable(name = "lossKind") String lossKind,
      @Variable(name = "lossNote") String lossNote,
      @Variable(name = "lostAt") Object lostAt) {
    LoanLifecycle.LossCharges charges =
        lifecycle.recordLoss(requestId, EngineTime.parse("lostAt", lostAt), lossKind, lossNote);
    Map<String, Object> out = state(charges.loan());
    out.put("lostAt", charges.loan().lostAt().toString());
    out.put(
        "lossKindLabel",
        "DAMAGED".equals(charges.loan().lossKind()) ? "label.loss.damaged" : "label.loss.lost");
    out.put("fineDays", charges.overdue().overdueDays());
    out.put("fineAmount", charges.overdue().amount().toPlainString());
    out.put("replacementCharge", charges.replacement().toPlainString());
    out.put("processingFee", charges.processingFee().toPlainString());
    out.put("chargeTotal", charges.total().toPlainString());
    // a damaged item is charged like a lost one but still exists: it goes back to the lender
    out.put("loanOutcome", "DAMAGED".equals(charges.loan().lossKind()) ? "DAMAGED" : "LOST");
    return out;
  }

  /** The loan's state as process variables: due date, the next timer, renewals and recall. */
  static Map<String, Object> state(PatronLoan loan) {
    Map<String, Object> out = new HashMap<>();
    out.put("dueDate", loan.dueDate().toString());
    out.put("dueAt", loan.dueInstant().toString());
    out.put("timerAt", loan.nextTimerAt().toString());
    out.put("timerKind", loan.nextTimerKind().name());
    out.put("renewalsUsed", loan.renewalsUsed());
    out.put("recalled", loan.recalled());
    return out;
  }

  /** The partner's terms among the variables, or null for a loan on the lender library's rules. */
  static LoanTerms terms(Map<String, Object> v) {
    Object due = v.get("patronDueDate");
    if (due == null || due.toString().isBlank()) {
      return null;
    }
    return new LoanTerms(
        text(v.get("partnerCode")),
        date(v.get("partnerDueDate")),
        java.time.LocalDate.parse(due.toString().strip()),
        money(v.get("partnerFinePerDay")),
        money(v.get("partnerReplacementCharge")),
        money(v.get("partnerProcessingFee")),
        Boolean.TRUE.equals(v.get("partnerAllowsRenewal")));
  }

  private static String text(Object o) {
    return o == null || o.toString().isBlank() ? null : o.toString().strip();
  }

  private static java.time.LocalDate date(Object o) {
    String s = text(o);
    return s == null ? null : java.time.LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }

  private static java.math.BigDecimal money(Object o) {
    String s = text(o);
    return s == null
        ? null
        : new java.math.BigDecimal(s).setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private static String dedupKey(ActivatedJob job) {
    return "job:" + job.getKey();
  }

  private static void require(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("variable " + name + " is missing");
    }
  }

  static int days(Object value) {
    if (value instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && n.intValue() > 0) {
      return n.intValue();
    }
    if (value instanceof String s && s.strip().matches("[1-9][0-9]{0,3}")) {
      return Integer.parseInt(s.strip());
    }
    throw new IllegalArgumentException(
        "variable loanDays must be a positive whole number, not " + value);
  }
}
