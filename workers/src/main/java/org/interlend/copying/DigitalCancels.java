package org.interlend.copying;

import java.util.Set;
import org.interlend.requests.CancelMessage;
import org.interlend.requests.Request;
import org.interlend.requests.RequestMessages;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.springframework.stereotype.Service;

/**
 * Cancels a digital copy request until the scan is supplied: the process is told (message {@code
 * request-cancel}) and ends the request as CANCELLED moments later; the patron or, for staff, the
 * reason is recorded. Once a copy is supplied it is refused with the reason.
 */
@Service
public class DigitalCancels {

  static final Set<RequestStatus> CANCELLABLE =
      Set.of(RequestStatus.REQUESTED, RequestStatus.SCANNING);

  /** The result of a cancel: taken (the process ends the request), or why not. */
  public sealed interface Cancel {
    record Requested(Request request) implements Cancel {}

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
   * @param reason why staff cancel for the patron; null for the patron's own cancel
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
          "Request "
              + requestId
              + " is "
              + request.status().label()
              + (supplied
                  ? ": the copy has already been supplied."
                  : ": it can no longer be cancelled."));
    }
    messages.requireActive(requestId);
    messages.publish(CancelMessage.NAME, requestId, null, CancelMessage.variables(actor, reason));
    return new Cancel.Requested(request);
  }
}
