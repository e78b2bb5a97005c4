package org.interlend.overseas;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * The patron's answer to a charge the library offered ({@code cost-approval} waits for the message
 * {@code charge-answer}, correlation key = request id). One answer per offer: the offer's id is the
 * message id, so an answer sent twice (a double click, a retry) reaches the process once.
 */
@Service
public class ChargeAnswers {

  private final Charges charges;
  private final CamundaClient client;

  public ChargeAnswers(Charges charges, CamundaClient client) {
    this.charges = charges;
    this.client = client;
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
    try {
      client
          .newPublishMessageCommand()
          .messageName("charge-answer")
          .correlationKey(requestId)
          .messageId("charge-answer-" + offer.id())
          .timeToLive(Duration.ofMinutes(10))
          .variables(Map.of("chargeAccepted", accept))
          .send()
          .join(30, TimeUnit.SECONDS);
      return new Answer.Sent(offer);
    } catch (ClientStatusException e) {
      if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
        return new Answer.AlreadyAnswered(offer);
      }
      throw e;
    }
  }
}
