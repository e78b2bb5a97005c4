package org.interlend.copying;

import java.util.Set;
import org.interlend.requests.Cancellation;
import org.interlend.requests.Request;
import org.interlend.requests.RequestMessages;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.springframework.stereotype.Service;

/**
 * Cancelling a digital copy request: possible until the scan is supplied. The process is told
 * (message {@code request-cancel}); it records CANCELLED and tells the patron.
 */
@Service
public class DigitalCancels {

  /** The statuses in which a digital request may still be cancelled. */
  public static final Set<RequestStatus> CANCELLABLE = Set.of(RequestStatus.REQUESTED, RequestStatus.SCANNING);

  /** The result of a cancel: sent to the process, or why not. */
  public sealed interface Cancel {
    record Sent(Request request) implements Cancel {}

    record Refused(Request request, String reason) implements Cancel {}
  }

  private final Requests requests;
  private final DigitalDeliveries deliveries;
  private final RequestMessages messages;

  public DigitalCancels(Requests requests, DigitalDeliveries deliveries, RequestMessages messages) {
    this.requests = requests;
    this.deliveries = deliveries;
    this.messages = messages;
  }

  /**
   * @param reason told to the patron when staff cancel for them; null when the patron cancels
   */
  public Cancel cancel(String requestId, String actor, String reason) {
    Request request = requests.get(requestId);
    if (!request.kind().equals("DIGITAL")) {
      throw new IllegalArgumentException("request " + requestId + " is not a digital copy request");
    }
    boolean supplied = deliveries.find(requestId).isPresent();
    if (supplied || !CANCELLABLE.contains(request.status())) {
      return new Cancel.Refused(
          request,
          "Request " + requestId + " is " + request.status().label()
              + (supplied ? ": the copy has already been supplied." : ": it can no longer be cancelled."));
    }
    messages.publish(Cancellation.MESSAGE, requestId, null, Cancellation.variables(actor, reason));
    return new Cancel.Sent(request);
  }
}
