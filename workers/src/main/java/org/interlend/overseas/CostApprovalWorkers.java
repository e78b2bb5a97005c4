package org.interlend.overseas;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import org.interlend.requests.Money;
import org.springframework.stereotype.Component;

/** Job workers of the reusable {@code cost-approval} process: the charge ledger. */
@Component
public class CostApprovalWorkers {

  private final Charges charges;

  public CostApprovalWorkers(Charges charges) {
    this.charges = charges;
  }

  /** Records the charge the patron is asked to accept (status OFFERED, answer due by a date). */
  @JobWorker(type = "cost-offer-charge")
  public Map<String, Object> offerCharge(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    Object answerBy = v.get("chargeAnswerBy");
    BigDecimal amount = amount(v.get("patronCharge"));
    charges.offer(
        "job:" + job.getKey(),
        String.valueOf(v.get("requestId")),
        String.valueOf(v.get("patronId")),
        amount,
        v.get("chargeReason") == null ? "overseas supply" : v.get("chargeReason").toString(),
        answerBy == null ? null : LocalDate.parse(answerBy.toString()));
    return Map.of("patronChargeHkd", Money.hkd(amount));
  }

  /**
   * Closes the open offer: ACCEPTED (a ledger entry the patron owes), DECLINED, or EXPIRED when the
   * patron did not answer in time ({@code chargeExpired}).
   */
  @JobWorker(type = "cost-settle-charge")
  public void settleCharge(ActivatedJob job) {
    Map<String, Object> v = job.getVariablesAsMap();
    Charges.Status answer =
        Boolean.TRUE.equals(v.get("chargeExpired"))
            ? Charges.Status.EXPIRED
            : Boolean.TRUE.equals(v.get("chargeAccepted"))
                ? Charges.Status.ACCEPTED
                : Charges.Status.DECLINED;
    charges.settle(String.valueOf(v.get("requestId")), answer);
  }

  private static BigDecimal amount(Object value) {
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("patronCharge is missing or not a number: " + value);
    }
    return new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP);
  }
}
