package org.interlend.overseas;

import java.util.List;
import java.util.Map;
import org.interlend.requests.CancelMessage;
import org.interlend.requests.Request;
import org.interlend.requests.RequestMessages;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.springframework.stereotype.Service;

/**
 * The two ways an overseas request leaves the phase before its order: staff place the order, or the
 * patron cancels. Both move the request's status atomically out of one of {@link #BEFORE_ORDER}
 * (REQUESTED while sourcing, AWAITING APPROVAL while a manager decides, AWAITING PATRON while the
 * patron answers a charge), so a cancel and "Place order" cannot both win: once ORDERED the partner
 * has been asked and charges may apply, and the cancel is refused.
 */
@Service
public class OverseasOrders {

  public static final String CANCEL_MESSAGE = "request-cancel";

  /** The message the ordered request waits for (correlation key = request id). */
  public static final String ARRIVED_MESSAGE = "item-arrived";

  /** The statuses in which an overseas request is not yet ordered, in the order they occur. */
  public static final List<RequestStatus> BEFORE_ORDER =
      List.of(
          RequestStatus.REQUESTED, RequestStatus.AWAITING_APPROVAL, RequestStatus.AWAITING_PATRON);

  private final Requests requests;
  private final OverseasRequests overseas;
  private final RequestMessages messages;

  public OverseasOrders(Requests requests, OverseasRequests overseas, RequestMessages messages) {
    this.requests = requests;
    this.overseas = overseas;
    this.messages = messages;
  }

  /** The result of a cancel: done, or why not. */
  public sealed interface Cancel {
    record Done(Request request) implements Cancel {}

    record Refused(Request request, String reason) implements Cancel {}
  }

  /**
   * Cancels an overseas request that is not yet ordered. The status moves to CANCELLED first,
   * atomically, and only then is the process told (message {@code request-cancel}, correlation
   * requestId), which closes any open charge offer and tells the patron.
   *
   * @throws IllegalArgumentException when the request is not an overseas request
   */
  public Cancel cancel(String requestId, String actor) {
    return cancel(requestId, actor, null);
  }

  /**
   * As {@link #cancel(String, String)}, by staff for the patron: {@code reason} goes into the
   * request's history and the patron's notice.
   */
  public Cancel cancel(String requestId, String actor, String reason) {
    Request request = requests.get(requestId);
    if (!request.kind().equals("OVERSEAS")) {
      throw new IllegalArgumentException("request " + requestId + " is not an overseas request");
    }
    if (BEFORE_ORDER.contains(request.status())) {
      messages.requireActive(requestId);
    }
    for (RequestStatus from : BEFORE_ORDER) {
      if (requests.transition(
          requestId, from, RequestStatus.CANCELLED, actor, CancelMessage.note(actor, reason))) {
        try {
          messages.publish(CANCEL_MESSAGE, requestId, null, CancelMessage.variables(actor, reason));
        } catch (RuntimeException e) {
          // the process was not told: put the request back as it was, so the patron can try again
          requests.transition(
              requestId,
              RequestStatus.CANCELLED,
              from,
              "system",
              "cancel withdrawn: the workflow engine did not take it");
          throw new IllegalStateException(
              "the workflow engine did not take the cancel of " + requestId + ": " + e.getMessage(),
              e);
        }
        return new Cancel.Done(requests.get(requestId));
      }
    }
    Request now = requests.get(requestId);
    return new Cancel.Refused(now, refusal(now));
  }

  /**
   * Records the order staff placed: the request moves to ORDERED only from a status before the
   * order, and the order reference is kept. A retried job finds it ORDERED already and succeeds.
   *
   * @return false when the patron cancelled first (the order must not go ahead)
   * @throws IllegalStateException when the request is in any other status
   */
  public boolean recordOrder(String requestId, String partnerCode, String orderReference) {
    String note =
        "ordered from "
            + partnerCode
            + (orderReference == null ? "" : " (order " + orderReference + ")");
    boolean moved = false;
    for (RequestStatus from : BEFORE_ORDER) {
      if (requests.transition(requestId, from, RequestStatus.ORDERED, "staff", note)) {
        moved = true;
        break;
      }
    }
    RequestStatus now = moved ? RequestStatus.ORDERED : requests.get(requestId).status();
    if (now == RequestStatus.ORDERED) {
      overseas.recordOrder(requestId, orderReference);
      return true;
    }
    if (now == RequestStatus.CANCELLED) {
      return false;
    }
    throw new IllegalStateException(
        "request "
            + requestId
            + " is "
            + now.label()
            + ", not awaiting its order: cannot record an order");
  }

  /** The result of recording an arrival: done, or why not. */
  public sealed interface Arrival {
    record Done(Request request) implements Arrival {}

    record Refused(Request request, String reason) implements Arrival {}
  }

  /**
   * Staff record at the counter that the ordered item (or the partner's copy) has arrived: the
   * process records it (RECEIVED) and, for a physical item, sends the pickup notice and waits 5
   * days for the patron. Only an ORDERED request's item can arrive; recording it twice is one
   * arrival.
   *
   * @throws IllegalArgumentException when the request is not an overseas request
   */
  public Arrival recordArrival(String requestId, String actor, String note) {
    Request request = requests.get(requestId);
    if (!request.kind().equals("OVERSEAS")) {
      throw new IllegalArgumentException("request " + requestId + " is not an overseas request");
    }
    if (request.status() != RequestStatus.ORDERED) {
      return new Arrival.Refused(
          request,
          "Request "
              + requestId
              + " is "
              + request.status().label()
              + ": only an ordered item can arrive.");
    }
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("arrivedBy", actor);
    variables.put("arrivalNote", note == null || note.isBlank() ? null : note.strip());
    messages.publish(ARRIVED_MESSAGE, requestId, "arrived:" + requestId, variables);
    return new Arrival.Done(request);
  }

  private static String refusal(Request request) {
    return switch (request.status()) {
      case ORDERED, RECEIVED, ON_LOAN, RECALLED, OVERDUE, RETURNED, SHIPPED_BACK, DELIVERED ->
          "Request "
              + request.id()
              + " can no longer be cancelled: the library has already placed the"
              + " order with the overseas partner (status "
              + request.status().label()
              + "), and"
              + " charges may apply. Please contact the interlibrary loan office.";
      default ->
          "Request "
              + request.id()
              + " can no longer be cancelled: it is already "
              + request.status().label()
              + ".";
    };
  }
}
