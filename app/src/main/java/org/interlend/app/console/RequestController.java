package org.interlend.app.console;

import java.security.Principal;
import java.util.UUID;
import org.interlend.app.security.Actor;
import org.interlend.app.security.RequestAccess;
import org.interlend.app.security.RequestAccess.Action;
import org.interlend.lending.lifecycle.LoanDesk;
import org.interlend.requests.RequestStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A request's page in the staff console ({@code /staff/requests/{id}}) and the actions staff take
 * on it. Every read and action goes through {@link RequestAccess}: a request the staff member's
 * libraries are not involved in is "not found", an action that is not theirs "not allowed". Every
 * action needs its confirmation box ticked; what happened is said on the page and recorded in the
 * request's history with the staff member's name.
 */
@Controller
class RequestController {

  private final RequestAccess access;
  private final RequestFiles files;
  private final CounterActions actions;
  private final TaskLinks links;

  RequestController(
      RequestAccess access, RequestFiles files, CounterActions actions, TaskLinks links) {
    this.access = access;
    this.files = files;
    this.actions = actions;
    this.links = links;
  }

  @GetMapping("/staff/requests/{id}")
  String show(
      @PathVariable String id,
      @RequestParam(required = false) String checkIn,
      Principal principal,
      Model model) {
    Actor actor = Actor.of(principal);
    access.require(actor, Action.READ, id);
    RequestFile file = files.of(id);
    model.addAttribute("file", file);
    model.addAttribute("r", file.request());
    model.addAttribute("checkIn", checkIn);
    model.addAttribute("token", UUID.randomUUID().toString());
    model.addAttribute("tasksUrl", links.tasks());
    model.addAttribute("tasksLocal", links.local());
    boolean loanOpen =
        file.loan() != null && file.loan().returnedAt() == null && file.loan().lostAt() == null;
    model.addAttribute("canCheckIn", loanOpen && access.allows(actor, Action.COUNTER, id));
    model.addAttribute("canReportLoss", loanOpen && access.allows(actor, Action.COUNTER, id));
    model.addAttribute(
        "canRecall",
        loanOpen && !file.loan().recalled() && access.allows(actor, Action.RECALL, id));
    model.addAttribute(
        "canRecordArrival",
        "OVERSEAS".equals(file.request().kind())
            && file.request().status() == RequestStatus.ORDERED
            && access.allows(actor, Action.RECORD_ARRIVAL, id));
    model.addAttribute(
        "canCancel",
        !file.request().status().terminal() && access.allows(actor, Action.CANCEL, id));
    model.addAttribute("canWork", access.allows(actor, Action.STAFF_WORK, id));
    return "console/request";
  }

  @PostMapping("/staff/requests/{id}/check-in")
  String checkIn(
      @PathVariable String id,
      @RequestParam(required = false) String barcode,
      @RequestParam(required = false) String confirm,
      @RequestParam(required = false) String form,
      Principal principal,
      RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    access.require(actor, Action.COUNTER, id);
    if (!confirmed(confirm, redirect)) {
      return back(id);
    }
    return answer(
        id, actions.checkIn(actor, id, barcode, files.of(id).itemBarcode(), form), redirect);
  }

  @PostMapping("/staff/requests/{id}/arrival")
  String arrival(
      @PathVariable String id,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String confirm,
      @RequestParam(required = false) String form,
      Principal principal,
      RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    access.require(actor, Action.RECORD_ARRIVAL, id);
    if (!confirmed(confirm, redirect)) {
      return back(id);
    }
    return answer(id, actions.recordArrival(actor, id, note, form), redirect);
  }

  @PostMapping("/staff/requests/{id}/recall")
  String recall(
      @PathVariable String id,
      @RequestParam(required = false) String confirm,
      @RequestParam(required = false) String form,
      Principal principal,
      RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    access.require(actor, Action.RECALL, id);
    if (!confirmed(confirm, redirect)) {
      return back(id);
    }
    return answer(id, actions.recall(actor, id, form), redirect);
  }

  @PostMapping("/staff/requests/{id}/loss")
  String loss(
      @PathVariable String id,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String confirm,
      @RequestParam(required = false) String form,
      Principal principal,
      RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    access.require(actor, Action.COUNTER, id);
    if (!confirmed(confirm, redirect)) {
      return back(id);
    }
    LoanDesk.LossKind lossKind =
        "DAMAGED".equals(kind)
            ? LoanDesk.LossKind.DAMAGED
            : "LOST".equals(kind) ? LoanDesk.LossKind.LOST : null;
    return answer(id, actions.reportLoss(actor, id, lossKind, note, form), redirect);
  }

  @PostMapping("/staff/requests/{id}/cancel")
  String cancel(
      @PathVariable String id,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String confirm,
      @RequestParam(required = false) String form,
      Principal principal,
      RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    access.require(actor, Action.CANCEL, id);
    if (!confirmed(confirm, redirect)) {
      return back(id);
    }
    return answer(id, actions.cancel(actor, id, reason, form), redirect);
  }

  @PostMapping("/staff/requests/{id}/notices/{notice}/resend")
  String resend(
      @PathVariable String id,
      @PathVariable long notice,
      @RequestParam(required = false) String confirm,
      @RequestParam(required = false) String form,
      Principal principal,
      RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    access.require(actor, Action.STAFF_WORK, id);
    if (!confirmed(confirm, redirect)) {
      return back(id);
    }
    return answer(id, actions.resend(actor, id, notice, form), redirect);
  }

  @PostMapping("/staff/requests/{id}/notes")
  String note(
      @PathVariable String id,
      @RequestParam(required = false) String text,
      @RequestParam(defaultValue = "STAFF") String audience,
      @RequestParam(required = false) String form,
      Principal principal,
      RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    access.require(actor, Action.STAFF_WORK, id);
    return answer(id, actions.addNote(actor, id, text, "PATRON".equals(audience), form), redirect);
  }

  @PostMapping("/staff/requests/{id}/incidents/{incident}/retry")
  String retry(
      @PathVariable String id,
      @PathVariable long incident,
      @RequestParam(required = false) String confirm,
      @RequestParam(required = false) String form,
      Principal principal,
      RedirectAttributes redirect) {
    Actor actor = Actor.of(principal);
    access.require(actor, Action.STAFF_WORK, id);
    if (!confirmed(confirm, redirect)) {
      return back(id);
    }
    return answer(id, actions.retry(actor, id, incident, form), redirect);
  }

  private static boolean confirmed(String confirm, RedirectAttributes redirect) {
    if (!"yes".equals(confirm)) {
      redirect.addFlashAttribute(
          "error", "Nothing was done: tick the box to confirm the action first.");
      return false;
    }
    return true;
  }

  private static String answer(
      String id, CounterActions.Result result, RedirectAttributes redirect) {
    redirect.addFlashAttribute(result.done() ? "message" : "error", result.message());
    return back(id);
  }

  private static String back(String id) {
    return "redirect:/staff/requests/" + id;
  }
}
