package org.interlend.overseas;

import java.util.LinkedHashMap;
import java.util.Map;
import org.interlend.requests.Request;
import org.interlend.requests.RequestMessages;
import org.interlend.requests.Requests;
import org.springframework.stereotype.Service;

/**
 * The patron's answer to a charge the library offered ({@code cost-approval} waits for the message
 * {@code charge-answer}, correlation key = request id). One answer per offer: the offer's id is the
 * message id, so an answer sent twice (a double click, a retry) reaches the process once.
 */
@Service
public class ChargeAnswers {

  private final Charges charges;
  private final RequestMessages messages;
  private final Requests requests;

  public ChargeAnswers(Charges charges, RequestMessages messages, Requests requests) {
    this.charges = charges;
    this.messages = messages;
    this.requests = requests;
  }

  public sealed interface Answer {
    /** The answer went to the process for this offer. */
    record Sent(Charges.Charge offer) implements Answer {}

    /** No charge waits for an answer: none offered, already settled, or the 7 days passed. */
    record NonePending() implements Answer {}

    /** This offer was answered already and the answer is still on its way to the process. */
    record AlreadyAnswered(Charges.Charge offer) implements Answer {}
  }

  /** The patron's own answer. */
  public Answer answer(String requestId, boolean accept) {
    Request request = requests.get(requestId);
    return answer(requestId, accept, "patron " + request.patronId(), null);
  }

  /**
   * An answer: the patron's (accept or decline), or staff declining for the patron, with a reason
   * the history keeps and the patron's notice gives. Only the patron ever accepts (checked by the
   * callers' authorization).
   *
   * @param answeredBy who answers, as the history shows it ("patron P1001", "staff staff-cityu")
   * @param reason why staff declined for the patron; null for the patron's own answer
   */
  public Answer answer(String requestId, boolean accept, String answeredBy, String reason) {
    if (accept && reason != null) {
      throw new IllegalArgumentException(
          "staff may decline a charge for the patron, never accept one");
    }
    var open = charges.openOffer(requestId);
    if (open.isEmpty()) {
      return new Answer.NonePending();
    }
    Charges.Charge offer = open.get();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("chargeAccepted", accept);
    variables.put("chargeAnsweredBy", answeredBy);
    variables.put("chargeDeclineReason", reason == null ? "" : reason);
    RequestMessages.Sent sent =
        messages.publish("charge-answer", requestId, "charge-answer-" + offer.id(), variables);
    if (sent == RequestMessages.Sent.DUPLICATE) {
      return new Answer.AlreadyAnswered(offer);
    }
    Request request = requests.get(requestId);
    requests.recordStatus(
        requestId,
        request.status(),
        answeredBy,
        (accept
                ? "charge of HK$" + offer.amountHkd() + " accepted"
                : "charge of HK$" + offer.amountHkd() + " declined")
            + (reason == null ? "" : " for the patron: " + reason),
        "charge-answer-" + offer.id());
    return new Answer.Sent(offer);
  }
}
