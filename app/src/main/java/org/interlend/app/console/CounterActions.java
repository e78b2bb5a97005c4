package org.interlend.app.console;

import java.util.List;
import java.util.Optional;
import org.interlend.app.security.Actor;
import org.interlend.app.security.RequestAccess;
import org.interlend.app.security.RequestAccess.Action;
import org.interlend.copying.DigitalCancels;
import org.interlend.lending.PhysicalRequests;
import org.interlend.lending.lifecycle.FineEntry;
import org.interlend.lending.lifecycle.FineLedger;
import org.interlend.lending.lifecycle.LoanDesk;
import org.interlend.lending.lifecycle.Loans;
import org.interlend.lending.lifecycle.PatronLoan;
import org.interlend.notices.Notices;
import org.interlend.overseas.OverseasOrders;
import org.interlend.requests.Money;
import org.interlend.requests.Request;
import org.interlend.requests.RequestEvent;
import org.interlend.requests.Requests;
import org.interlend.workflows.engine.Incidents;
import org.interlend.workflows.engine.Models;
import org.interlend.workflows.engine.ProcessActivity;
import org.springframework.stereotype.Component;

/**
 * What staff do to a request from the console, each checked by {@link RequestAccess}, confirmed by
 * the staff member, and recorded in the request's history with their name: check in a returned
 * item, record an overseas arrival, recall, report lost or damaged, cancel for the patron with a
 * reason, resend a notice, add a note, retry an incident. The processes do the work (messages to
 * the request's process); this class checks what the counter can see and says what happened.
 */
@Component
class CounterActions {

  /** How many retries a job gets when staff retry its incident. */
  static final int RETRIES = 3;

  /** What came of an action: done (with what happened) or refused (with why). */
  record Result(boolean done, String message) {
    static Result done(String message) {
      return new Result(true, message);
    }

    static Result refused(String message) {
      return new Result(false, message);
    }
  }

  private final RequestAccess access;
  private final Requests requests;
  private final Loans loans;
  private final LoanDesk desk;
  private final FineLedger fines;
  private final PhysicalRequests physical;
  private final OverseasOrders overseas;
  private final DigitalCancels digital;
  private final Notices notices;
  private final Incidents incidents;
  private final ProcessActivity activity;
  private final Models models;

  CounterActions(
      RequestAccess access,
      Requests requests,
      Loans loans,
      LoanDesk desk,
      FineLedger fines,
      PhysicalRequests physical,
      OverseasOrders overseas,
      DigitalCancels digital,
      Notices notices,
      Incidents incidents,
      ProcessActivity activity,
      Models models) {
    this.access = access;
    this.requests = requests;
    this.loans = loans;
    this.desk = desk;
    this.fines = fines;
    this.physical = physical;
    this.overseas = overseas;
    this.digital = digital;
    this.notices = notices;
    this.incidents = incidents;
    this.activity = activity;
    this.models = models;
  }

  /**
   * Checks in the returned item: the barcode scanned must be the loan's item (an overseas item
   * carries its request id). Waits briefly for the loan to record the return and any fine.
   */
  Result checkIn(
      Actor actor, String requestId, String barcode, String expectedBarcode, String form) {
    access.require(actor, Action.COUNTER, requestId);
    PatronLoan loan = openLoan(requestId).orElse(null);
    if (loan == null) {
      return Result.refused(
          requestId + " has no loan on at the moment: there is nothing to check in.");
    }
    String scanned = barcode == null ? "" : barcode.strip();
    if (scanned.isEmpty()) {
      return Result.refused("Scan or type the item's barcode to check it in.");
    }
    if (expectedBarcode != null && !scanned.equalsIgnoreCase(expectedBarcode)) {
      return Result.refused(
          "The barcode "
              + scanned
              + " is not the item of "
              + requestId
              + " ("
              + expectedBarcode
              + "): nothing was checked in.");
    }
    Optional<PatronLoan> returned = desk.checkIn(requestId, actor.name());
    record(actor, requestId, "Checked in at the counter (barcode " + scanned + ")", false, form);
    if (returned.isEmpty()) {
      return Result.done(
          "The return of " + requestId + " was received and will be recorded in a moment.");
    }
    String fine =
        fines.forLoan(requestId).stream()
            .filter(f -> f.kind().equals(FineLedger.OVERDUE))
            .map(FineEntry::amount)
            .findFirst()
            .map(a -> "returned late: overdue fine " + Money.hkd(a) + ".")
            .orElse("returned on time, no fine.");
    return Result.done("Checked in " + requestId + ": " + fine);
  }

  /** Records that an ordered overseas item arrived: then the pickup notice and window. */
  Result recordArrival(Actor actor, String requestId, String note, String form) {
    access.require(actor, Action.RECORD_ARRIVAL, requestId);
    return switch (overseas.recordArrival(requestId, actor.name(), note)) {
      case OverseasOrders.Arrival.Done done -> {
        record(actor, requestId, "Recorded the arrival" + suffix(note), false, form);
        yield Result.done(
            "Arrival of "
                + requestId
                + " recorded: the patron is sent a pickup notice and has 5 days"
                + " to collect it (a physical item), or the copy goes to delivery.");
      }
      case OverseasOrders.Arrival.Refused refused -> Result.refused(refused.reason());
    };
  }

  /** Recalls the loaned item, as its lender. */
  Result recall(Actor actor, String requestId, String form) {
    access.require(actor, Action.RECALL, requestId);
    PatronLoan loan = openLoan(requestId).orElse(null);
    if (loan == null) {
      return Result.refused(
          requestId + " has no loan on at the moment: there is nothing to recall.");
    }
    if (loan.recalled()) {
      return Result.refused(
          requestId + " was recalled already; it is due on " + loan.dueDate() + ".");
    }
    Optional<PatronLoan> recalled = desk.recall(requestId, actor.name());
    record(actor, requestId, "Recalled the item", false, form);
    return recalled
        .map(
            l ->
                Result.done(
                    "Recalled "
                        + requestId
                        + ": the patron was told to return it by "
                        + l.dueDate()
                        + "."))
        .orElse(
            Result.done(
                "The recall of " + requestId + " was received and will be applied in a moment."));
  }

  /** Reports the item lost or damaged (damaged is not lost): the lender's staff record it. */
  Result reportLoss(
      Actor actor, String requestId, LoanDesk.LossKind kind, String note, String form) {
    access.require(actor, Action.COUNTER, requestId);
    PatronLoan loan = openLoan(requestId).orElse(null);
    if (loan == null) {
      return Result.refused(
          requestId + " has no loan on at the moment: there is nothing to report.");
    }
    if (kind == null) {
      return Result.refused("Say whether the item is lost or damaged.");
    }
    String what = kind == LoanDesk.LossKind.DAMAGED ? "damaged" : "lost";
    desk.reportLoss(requestId, actor.name(), kind, note);
    record(actor, requestId, "Reported the item " + what + suffix(note), false, form);
    return Result.done(
        "Reported "
            + requestId
            + " "
            + what
            + ": the lender's staff ("
            + loan.lenderCode()
            + ") record it, and the patron is charged and told.");
  }

  /** Cancels the request for the patron, with the reason the patron is told. */
  Result cancel(Actor actor, String requestId, String reason, String form) {
    access.require(actor, Action.CANCEL, requestId);
    if (reason == null || reason.isBlank()) {
      return Result.refused("Give the reason for the cancel: the patron is told it.");
    }
    String why = reason.strip();
    Request request = requests.get(requestId);
    Result result =
        switch (request.kind()) {
          case "PHYSICAL" ->
              switch (physical.cancel(requestId, "staff " + actor.name(), why)) {
                case PhysicalRequests.Cancel.Done done ->
                    Result.done("Cancelled " + requestId + "; the patron is told why.");
                case PhysicalRequests.Cancel.Refused refused -> Result.refused(refused.reason());
              };
          case "OVERSEAS" ->
              switch (overseas.cancel(requestId, "staff " + actor.name(), why)) {
                case OverseasOrders.Cancel.Done done ->
                    Result.done("Cancelled " + requestId + "; the patron is told why.");
                case OverseasOrders.Cancel.Refused refused -> Result.refused(refused.reason());
              };
          case "DIGITAL" ->
              switch (digital.cancel(requestId, "staff " + actor.name(), why)) {
                case DigitalCancels.Cancel.Requested sent ->
                    Result.done(
                        "Cancel of "
                            + requestId
                            + " sent: it becomes CANCELLED in a moment and the patron is told why.");
                case DigitalCancels.Cancel.Refused refused -> Result.refused(refused.reason());
              };
          default -> Result.refused(requestId + " cannot be cancelled here.");
        };
    if (result.done()) {
      record(actor, requestId, "Cancelled for the patron: " + why, false, form);
    }
    return result;
  }

  /** Sends one of the request's notices again, as it was written. */
  Result resend(Actor actor, String requestId, long noticeId, String form) {
    access.require(actor, Action.STAFF_WORK, requestId);
    return notices
        .resend(requestId, noticeId, "resend:" + requestId + ":" + noticeId + ":" + form)
        .map(
            n -> {
              record(
                  actor,
                  requestId,
                  "Resent the notice \"" + n.subject() + "\" to " + n.recipient(),
                  false,
                  form);
              return Result.done(
                  "The notice \"" + n.subject() + "\" is sent again to " + n.recipient() + ".");
            })
        .orElse(Result.refused("Request " + requestId + " has no such notice."));
  }

  /** A note in the request's history: for staff, or shown to the patron too. */
  Result addNote(Actor actor, String requestId, String text, boolean patronSees, String form) {
    access.require(actor, Action.STAFF_WORK, requestId);
    if (text == null || text.isBlank()) {
      return Result.refused("Write the note first.");
    }
    if (text.length() > 2000) {
      return Result.refused("A note has at most 2000 characters.");
    }
    requests.recordEvent(
        requestId, RequestEvent.Kind.NOTE, actor.name(), text.strip(), patronSees, key(form));
    return Result.done(patronSees ? "Note added; the patron sees it." : "Note added for staff.");
  }

  /** Retries an incident of the request's processes once its cause is fixed. */
  Result retry(Actor actor, String requestId, long incidentKey, String form) {
    access.require(actor, Action.STAFF_WORK, requestId);
    Request request = requests.get(requestId);
    if (request.processInstanceKey() == null) {
      return Result.refused(requestId + " has no process.");
    }
    List<Long> family =
        activity.family(request.processInstanceKey()).stream()
            .map(ProcessActivity.Instance::key)
            .toList();
    Incidents.Incident incident =
        incidents.of(family).stream().filter(i -> i.key() == incidentKey).findFirst().orElse(null);
    if (incident == null) {
      return Result.refused(
          "That problem of " + requestId + " is no longer open: someone retried it already.");
    }
    try {
      incidents.retry(incidentKey, RETRIES);
    } catch (Incidents.IncidentGoneException e) {
      return Result.refused(
          "That problem of " + requestId + " is no longer open: someone retried it already.");
    }
    record(
        actor,
        requestId,
        "Retried \""
            + models.elementName(incident.processId(), incident.elementId())
            + "\" ("
            + firstLine(incident.message())
            + ")",
        false,
        form);
    return Result.done(
        "Retried: the step runs again. If its cause is not fixed, it shows up here again.");
  }

  private Optional<PatronLoan> openLoan(String requestId) {
    return loans.find(requestId).filter(l -> l.returnedAt() == null && l.lostAt() == null);
  }

  private void record(Actor actor, String requestId, String what, boolean patronSees, String form) {
    requests.recordEvent(
        requestId, RequestEvent.Kind.ACTION, actor.name(), what, patronSees, key(form));
  }

  private static String key(String form) {
    return form == null || form.isBlank() ? null : "form:" + form;
  }

  private static String suffix(String note) {
    return note == null || note.isBlank() ? "" : ": " + note.strip();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
