package org.interlend.app.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.interlend.app.api.DigitalRequestApi;
import org.interlend.app.api.OverseasRequestApi;
import org.interlend.app.web.CopyResponse;
import org.interlend.catalogue.Bib;
import org.interlend.catalogue.Catalogue;
import org.interlend.copying.CopyDownloads;
import org.interlend.copying.DigitalCancels;
import org.interlend.copying.DigitalRequests;
import org.interlend.copying.DownloadClaim;
import org.interlend.copying.InvalidCopyRequestException;
import org.interlend.eligibility.Eligibility;
import org.interlend.lending.PhysicalRequests;
import org.interlend.lending.lifecycle.LoanDesk;
import org.interlend.lending.lifecycle.Renewal;
import org.interlend.overseas.ChargeAnswers;
import org.interlend.overseas.OverseasOrders;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.interlend.requests.Request;
import org.interlend.requests.Submissions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a patron does in the portal: place a physical or digital request, cancel, renew, download a
 * delivered copy. Each action calls the flow's own service (the same the REST API calls); an action
 * whose flow is not deployed is not offered. Another patron's request is "not found".
 */
@Controller
@RequestMapping("/portal")
public class PortalActions {

  /** A download link is good for this long, and is never shown as a lasting address. */
  private final Patrons patrons;

  private final Catalogue catalogue;
  private final Availability availability;
  private final MyRequests myRequests;
  private final Flows flows;
  private final PhysicalRequests physical;
  private final LoanDesk loanDesk;
  private final DigitalRequests digital;
  private final CopyDownloads downloads;
  private final MessageSource messages;
  private final PortalController pages;
  private final DigitalRequestApi digitalApi;
  private final OverseasRequestApi overseasApi;
  private final OverseasOrders overseas;
  private final DigitalCancels digitalCancels;
  private final ChargeAnswers chargeAnswers;
  private final Eligibility eligibility;

  private final Submissions submissions;

  public PortalActions(
      Patrons patrons,
      Catalogue catalogue,
      Availability availability,
      MyRequests myRequests,
      Flows flows,
      PhysicalRequests physical,
      LoanDesk loanDesk,
      DigitalRequests digital,
      CopyDownloads downloads,
      MessageSource messages,
      PortalController pages,
      DigitalRequestApi digitalApi,
      OverseasRequestApi overseasApi,
      OverseasOrders overseas,
      ChargeAnswers chargeAnswers,
      DigitalCancels digitalCancels,
      Eligibility eligibility,
      Submissions submissions) {
    this.submissions = submissions;
    this.digitalCancels = digitalCancels;
    this.patrons = patrons;
    this.catalogue = catalogue;
    this.availability = availability;
    this.myRequests = myRequests;
    this.flows = flows;
    this.physical = physical;
    this.loanDesk = loanDesk;
    this.digital = digital;
    this.downloads = downloads;
    this.messages = messages;
    this.pages = pages;
    this.digitalApi = digitalApi;
    this.overseasApi = overseasApi;
    this.overseas = overseas;
    this.chargeAnswers = chargeAnswers;
    this.eligibility = eligibility;
  }

  /**
   * The hidden field every request form carries ({@code portal/layout :: idempotencyKey}): a fresh
   * key per rendered form, so a form posted twice places one request.
   */
  static final String IDEMPOTENCY_KEY = "idempotencyKey";

  // --- physical loans ---------------------------------------------------------------------

  @PostMapping("/titles/{bibId}/request")
  public String requestPhysical(
      @PathVariable String bibId,
      @RequestParam(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      Principal principal,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Patron patron = patrons.get(principal.getName());
    Optional<Bib> bib = parseLong(bibId).flatMap(catalogue::bib);
    if (bib.isEmpty()) {
      return problem(
          model, response, patron, HttpStatus.NOT_FOUND, text("action.error.noTitle", bibId));
    }
    if (!flows.physicalLoans()) {
      return problem(model, response, patron, HttpStatus.CONFLICT, text("action.error.noFlow"));
    }
    Availability.Title title = availability.title(bib.get(), patron);
    if (!title.verdict().requestable()) { // refused before anything is created
      return problem(
          model,
          response,
          patron,
          HttpStatus.CONFLICT,
          text("verdict.no")
              + " "
              + (title.verdict() == Availability.Verdict.NOT_ELIGIBLE
                  ? text("verdict.NOT_ELIGIBLE", title.refusal())
                  : title.refusal()));
    }
    Request placed =
        submissions
            .once(idempotencyKey, patron.id(), () -> physical.place(patron.id(), bib.get().id()))
            .request();
    redirect.addFlashAttribute("message", text("action.placed", placed.id()));
    return "redirect:/portal/requests/" + placed.id();
  }

  @PostMapping("/requests/{id}/cancel")
  public String cancel(
      @PathVariable String id,
      Principal principal,
      Model model,
      HttpServletRequest http,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Patron patron = patrons.get(principal.getName());
    Optional<MyRequests.Detail> detail = myRequests.detail(patron.id(), id);
    if (detail.isEmpty()) {
      return notFound(model, response, patron, id);
    }
    switch (detail.get().request().kind()) {
      case "PHYSICAL" -> {
        switch (physical.cancel(id, "patron " + patron.id())) {
          case PhysicalRequests.Cancel.Done done ->
              redirect.addFlashAttribute("message", text("action.cancelled", id));
          case PhysicalRequests.Cancel.Refused refused ->
              redirect.addFlashAttribute("error", refused.reason());
        }
      }
      case "DIGITAL" -> {
        switch (digitalCancels.cancel(id, "patron " + patron.id(), null)) {
          case DigitalCancels.Cancel.Requested taken ->
              redirect.addFlashAttribute("message", text("action.cancelRequested", id));
          case DigitalCancels.Cancel.Refused refused ->
              redirect.addFlashAttribute("error", refused.reason());
        }
      }
      case "OVERSEAS" -> {
        switch (overseas.cancel(id, "patron " + patron.id())) {
          case OverseasOrders.Cancel.Done done ->
              redirect.addFlashAttribute("message", text("action.cancelled", id));
          case OverseasOrders.Cancel.Refused refused ->
              redirect.addFlashAttribute("error", refused.reason());
        }
      }
      default -> redirect.addFlashAttribute("error", text("action.error.notCancellable"));
    }
    return "redirect:/portal/requests/" + id;
  }

  @PostMapping("/requests/{id}/renew")
  public String renew(
      @PathVariable String id,
      Principal principal,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Patron patron = patrons.get(principal.getName());
    Optional<MyRequests.Detail> detail = myRequests.detail(patron.id(), id);
    if (detail.isEmpty()) {
      return notFound(model, response, patron, id);
    }
    if (detail.get().loan().isEmpty()) {
      redirect.addFlashAttribute("error", text("action.error.noLoan"));
      return "redirect:/portal/requests/" + id;
    }
    Optional<Renewal> decision = loanDesk.renew(id);
    if (decision.isEmpty()) {
      redirect.addFlashAttribute("message", text("action.renewPending"));
    } else if (decision.get().granted()) {
      redirect.addFlashAttribute("message", text("action.renewed", decision.get().dueAfter()));
    } else {
      redirect.addFlashAttribute("error", decision.get().message());
    }
    return "redirect:/portal/requests/" + id;
  }

  // --- digital copies ---------------------------------------------------------------------

  @GetMapping("/digital")
  public String digitalForm(
      @RequestParam(required = false) String bibId,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    Patron patron = patrons.get(principal.getName());
    if (!flows.digitalCopies()) {
      return problem(model, response, patron, HttpStatus.NOT_FOUND, text("action.error.noFlow"));
    }
    DigitalForm form = new DigitalForm();
    parseLong(bibId)
        .flatMap(catalogue::bib)
        .ifPresent(
            b -> {
              form.setTitle(b.title());
              form.setIsbn(b.isbn() == null ? "" : b.isbn());
              form.setIssn(b.issn() == null ? "" : b.issn());
              if (b.isbn() == null && b.issn() != null) {
                form.setKind("ARTICLE");
              }
            });
    return digitalPage(model, patron, form, Map.of(), null);
  }

  @PostMapping("/digital")
  public String placeDigital(
      @ModelAttribute("form") DigitalForm form,
      @RequestParam(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      Principal principal,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Patron patron = patrons.get(principal.getName());
    if (!flows.digitalCopies()) {
      return problem(model, response, patron, HttpStatus.NOT_FOUND, text("action.error.noFlow"));
    }
    Eligibility.Verdict may = eligibility.digital(patron);
    if (!may.eligible()) { // refused before anything is created
      response.setStatus(HttpStatus.CONFLICT.value());
      return digitalPage(model, patron, form, Map.of(), may.reason());
    }
    Map<String, String> errors = form.check();
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return digitalPage(model, patron, form, errors, null);
    }
    try {
      Request placed =
          submissions
              .once(
                  idempotencyKey,
                  patron.id(),
                  () -> digital.place(patron.id(), form.toRequest(), form.toDeclaration()))
              .request();
      redirect.addFlashAttribute("message", text("action.placed", placed.id()));
      return "redirect:/portal/requests/" + placed.id();
    } catch (InvalidCopyRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return digitalPage(model, patron, form, Map.of(), e.getMessage());
    }
  }

  private String digitalPage(
      Model model, Patron patron, DigitalForm form, Map<String, String> errors, String refusal) {
    model.addAttribute("patron", patron);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("refusal", refusal);
    model.addAttribute("eligibility", eligibility.digital(patron));
    return "portal/digital";
  }

  // --- overseas requests and charges -------------------------------------------------------

  @GetMapping("/overseas")
  public String overseasForm(
      @RequestParam(required = false) String bibId,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    Patron patron = patrons.get(principal.getName());
    if (!flows.overseas()) {
      return problem(model, response, patron, HttpStatus.NOT_FOUND, text("action.error.noFlow"));
    }
    OverseasForm form = new OverseasForm();
    parseLong(bibId).flatMap(catalogue::bib).ifPresent(form::fillFrom);
    return overseasPage(model, patron, form, null);
  }

  @PostMapping("/overseas")
  public String placeOverseas(
      @ModelAttribute("form") OverseasForm form,
      @RequestParam(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      Principal principal,
      Model model,
      HttpServletRequest http,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Patron patron = patrons.get(principal.getName());
    if (!flows.overseas()) {
      return problem(model, response, patron, HttpStatus.NOT_FOUND, text("action.error.noFlow"));
    }
    try {
      var placed = overseasApi.place(form.toJson(), idempotencyKey, principal, http).getBody();
      redirect.addFlashAttribute("message", text("action.placed", placed.id()));
      return "redirect:/portal/requests/" + placed.id();
    } catch (ErrorResponseException e) { // the API's own validation: nothing was created
      response.setStatus(e.getStatusCode().value());
      return overseasPage(model, patron, form, e.getBody().getDetail());
    }
  }

  private String overseasPage(Model model, Patron patron, OverseasForm form, String refusal) {
    model.addAttribute("patron", patron);
    model.addAttribute("form", form);
    model.addAttribute("refusal", refusal);
    model.addAttribute("copyEligibility", eligibility.overseas(patron, "COPY"));
    model.addAttribute("bookEligibility", eligibility.overseas(patron, "BOOK"));
    return "portal/overseas";
  }

  /** Accepts or declines the charge the library offered for the request. */
  @PostMapping("/requests/{id}/charge")
  public String answerCharge(
      @PathVariable String id,
      @RequestParam(required = false) String answer,
      Principal principal,
      Model model,
      HttpServletRequest http,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Patron patron = patrons.get(principal.getName());
    if (myRequests.own(patron.id(), id).isEmpty()) {
      return notFound(model, response, patron, id);
    }
    if (!"accept".equals(answer) && !"decline".equals(answer)) {
      redirect.addFlashAttribute("error", text("action.error.chargeAnswer"));
      return "redirect:/portal/requests/" + id;
    }
    boolean accept = answer.equals("accept");
    switch (chargeAnswers.answer(id, accept)) {
      case ChargeAnswers.Answer.Sent sent ->
          redirect.addFlashAttribute(
              "message", text(accept ? "action.chargeAccepted" : "action.chargeDeclined"));
      case ChargeAnswers.Answer.NonePending none ->
          redirect.addFlashAttribute("error", text("action.error.noCharge", id));
      case ChargeAnswers.Answer.AlreadyAnswered already ->
          redirect.addFlashAttribute("error", text("action.error.chargeAnswered", id));
    }
    return "redirect:/portal/requests/" + id;
  }

  /**
   * Sends the copy and counts one download, once the copy can be read from the store. A POST: a
   * prefetching browser or proxy cannot use up downloads.
   */
  @PostMapping("/requests/{id}/download")
  public String download(
      @PathVariable String id, Principal principal, Model model, HttpServletResponse response)
      throws java.io.IOException {
    Patron patron = patrons.get(principal.getName());
    Optional<MyRequests.Detail> detail = myRequests.detail(patron.id(), id);
    // digital copies, and overseas requests that arrived as a scan
    if (detail.isEmpty() || detail.get().delivery().isEmpty()) {
      return notFound(model, response, patron, id);
    }
    CopyDownloads.Download download = downloads.open(id);
    if (download instanceof CopyDownloads.Download.Served served) {
      CopyResponse.send(served, id + ".pdf", response);
      return null;
    }
    DownloadClaim claim = ((CopyDownloads.Download.Refused) download).reason();
    String refusal;
    if (claim instanceof DownloadClaim.LimitReached limit) {
      refusal = text("download.limit", limit.maxDownloads());
      response.setStatus(HttpStatus.GONE.value());
    } else if (claim instanceof DownloadClaim.Expired) {
      refusal = text("download.expired");
      response.setStatus(HttpStatus.GONE.value());
    } else {
      refusal = text("download.notDelivered");
      response.setStatus(HttpStatus.CONFLICT.value());
    }
    model.addAttribute("error", refusal);
    return pages.request(id, principal, model, response);
  }

  // ----------------------------------------------------------------------------------------

  private String notFound(Model model, HttpServletResponse response, Patron patron, String id) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("patron", patron);
    model.addAttribute("id", id);
    return "portal/not-found";
  }

  private String problem(
      Model model, HttpServletResponse response, Patron patron, HttpStatus status, String message) {
    response.setStatus(status.value());
    model.addAttribute("patron", patron);
    model.addAttribute("message", message);
    return "portal/problem";
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return s == null ? Optional.empty() : Optional.of(Long.parseLong(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
