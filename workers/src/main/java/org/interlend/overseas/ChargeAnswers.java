package org.interlend.overseas;

import java.util.Map;
import org.interlend.requests.RequestMessages;
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

  public ChargeAnswers(Charges charges, RequestMessages messages) {
    this.charges = charges;
    this.messages = messages;
  }

  public sealed interface Answer {
    /** The answer went to the process for this offer. */
    record Sent(Charges.Charge offer) implements Answer {}

    /** No charge waits for an answer: none offered, already settled, or the 7 days passed. */
    record NonePending() implements Answer {}

    /** This offer was answered already and the answer is still on its way to the process. */
    record AlreadyAnswered(Charges.Charge offer) implements Answer {}
  }

  public Answer answer(String requestId, boolean accept) {
    var open = charges.openOffer(requestId);
    if (open.isEmpty()) {
      return new Answer.NonePending();
    }
    Charges.Charge offer = open.get();
    RequestMessages.Sent sent =
        messages.publish(
            "charge-answer", requestId, "charge-answer-" + offer.id(), Map.of("chargeAccepted", accept));
    return sent == RequestMessages.Sent.SENT
        ? new Answer.Sent(offer)
        : new Answer.AlreadyAnswered(offer);
  }
}
