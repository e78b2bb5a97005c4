package org.interlend.lending;

import java.util.Map;
import org.interlend.catalogue.Bib;
import org.interlend.catalogue.Catalogue;
import org.interlend.patrons.Patrons;
import org.interlend.requests.CancelMessage;
import org.interlend.requests.Request;
import org.interlend.requests.RequestLauncher;
import org.interlend.requests.RequestMessages;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.springframework.stereotype.Service;

/** Placing and cancelling physical (HKALL) loan requests: what the request API does. */
@Service
public class PhysicalRequests {

  public static final String PROCESS_ID = "physical-loan";
  public static final String CANCEL_MESSAGE = "request-cancel";

  private final RequestLauncher launcher;
  private final RequestMessages messages;
  private final Requests requests;
  private final Patrons patrons;
  private final Catalogue catalogue;

  public PhysicalRequests(
      RequestLauncher launcher,
      RequestMessages messages,
      Requests requests,
      Patrons patrons,
      Catalogue catalogue) {
    this.launcher = launcher;
    this.messages = messages;
    this.requests = requests;
    this.patrons = patrons;
    this.catalogue = catalogue;
  }

  /**
   * Places a request for a title and starts its {@code physical-loan} instance. The patron and the
   * title must exist (checked here, so that bad input starts nothing); whether the patron may
   * borrow it is the process's business, and a refusal reaches the patron as a status with reason.
   *
   * @throws IllegalArgumentException naming the unknown patron or title
   */
  public Request place(String patronId, long bibId) {
    if (patrons.find(patronId).isEmpty()) {
      throw new IllegalArgumentException("no patron " + patronId);
    }
    Bib bib =
        catalogue
            .bib(bibId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("no title " + bibId + " in the union catalogue"));
    return launcher.launch("PHYSICAL", PROCESS_ID, patronId, bib.title(), Map.of("bibId", bibId));
  }

  /** The result of a cancel: done, or why not. */
  public sealed interface Cancel {
    record Done(Request request) implements Cancel {}

    record Refused(Request request, String reason) implements Cancel {}
  }

  /**
   * Cancels a request that is still REQUESTED. The status moves first, atomically, and only then is
   * the process told (message {@code request-cancel}), so a lender shipping at the same moment and
   * this cancel cannot both win: the lender's shipment also moves REQUESTED to TRANSFERRED only.
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
    if (!request.kind().equals("PHYSICAL")) {
      throw new IllegalArgumentException(
          "request " + requestId + " is not a physical loan request");
    }
    if (request.status() == RequestStatus.REQUESTED) {
      messages.requireActive(requestId);
    }
    if (!requests.transition(
        requestId,
        RequestStatus.REQUESTED,
        RequestStatus.CANCELLED,
        actor,
        CancelMessage.note(actor, reason))) {
      Request now = requests.get(requestId);
      return new Cancel.Refused(now, refusal(now));
    }
    try {
      messages.publish(CANCEL_MESSAGE, requestId, null, CancelMessage.variables(actor, reason));
    } catch (RuntimeException e) {
      // the process was not told: put the request back as it was, so the patron can try again
      requests.transition(
          requestId,
          RequestStatus.CANCELLED,
          RequestStatus.REQUESTED,
          "system",
          "cancel withdrawn: the workflow engine did not take it");
      throw new IllegalStateException(
          "the workflow engine did not take the cancel of " + requestId + ": " + e.getMessage(), e);
    }
    return new Cancel.Done(requests.get(requestId));
  }

  private static String refusal(Request request) {
    return switch (request.status()) {
      case TRANSFERRED, RECEIVED, ON_LOAN, RECALLED, OVERDUE, RETURNED, SHIPPED_BACK ->
          "Request "
              + request.id()
              + " can no longer be cancelled: the lending library has already"
              + " shipped the item (status "
              + request.status().label()
              + "). Please return it at"
              + " the circulation counter instead.";
      default ->
          "Request "
              + request.id()
              + " can no longer be cancelled: it is already "
              + request.status().label()
              + ".";
    };
  }
}
