package org.interlend.lending;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.interlend.calendar.Calendars;
import org.interlend.catalogue.Bib;
import org.interlend.catalogue.Catalogue;
import org.interlend.catalogue.Item;
import org.interlend.lending.lifecycle.EngineTime;
import org.interlend.lending.rules.LoanCalendar;
import org.interlend.lending.rules.PickupWindow;
import org.interlend.lending.rules.RotaRanking;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job workers of the {@code physical-loan} process. Each reads a few variables, calls a service of
 * this package and returns a few variables; each is safe to run twice for the same job.
 */
@Component
public class PhysicalLoanWorkers {

  private final Patrons patrons;
  private final Catalogue catalogue;
  private final Libraries libraries;
  private final PhysicalLoans loans;
  private final HkallAccounts accounts;
  private final Calendars calendars;
  private final LenderAsks asks;
  private final LendingProperties properties;
  private final String consoleUrl;

  public PhysicalLoanWorkers(
      Patrons patrons,
      Catalogue catalogue,
      Libraries libraries,
      PhysicalLoans loans,
      HkallAccounts accounts,
      Calendars calendars,
      LenderAsks asks,
      LendingProperties properties,
      @Value("${interlend.public-url:http://localhost:8080}") String consoleUrl) {
    this.consoleUrl = consoleUrl.replaceAll("/+$", "");
    this.patrons = patrons;
    this.catalogue = catalogue;
    this.libraries = libraries;
    this.loans = loans;
    this.accounts = accounts;
    this.calendars = calendars;
    this.asks = asks;
    this.properties = properties;
  }

  /**
   * Opens the physical loan and returns what the rules and the staff need: category, loan period,
   * the patron's home library and its staff group, and the title for the task forms.
   */
  @JobWorker(type = "physical-open-request")
  public Map<String, Object> openRequest(
      @Variable String requestId, @Variable String patronId, @Variable Long bibId) {
    Patron patron = patrons.get(patronId);
    Bib bib =
        catalogue
            .bib(bibId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("no title " + bibId + " in the union catalogue"));
    Library home = libraries.get(patron.homeLibrary());
    loans.open(requestId, bibId, home.code());
    Map<String, Object> out = new HashMap<>();
    out.put("itemTitle", bib.title());
    out.put("itemAuthor", bib.author());
    out.put("itemIsbn", bib.isbn());
    out.put("patronCategory", patron.category());
    out.put("loanDays", patron.loanDays());
    out.put("homeLibrary", home.code());
    out.put("homeGroup", home.staffGroup());
    // for the staff forms: where the item goes, for whom, and the request's page
    out.put("homeLibraryName", home.name());
    out.put("patronName", patron.name());
    out.put("requestUrl", consoleUrl + "/staff/requests/" + requestId);
    return out;
  }

  /** Blocked account and quota: holds one quota slot for the request when the patron may borrow. */
  @JobWorker(type = "check-eligibility")
  public Map<String, Object> checkEligibility(
      @Variable String requestId, @Variable String patronId) {
    Optional<Map<String, Object>> refusal = accounts.admit(requestId, patronId);
    Map<String, Object> out = new HashMap<>();
    out.put("eligible", refusal.isEmpty());
    out.put("rejectionReason", refusal.orElse(null));
    return out;
  }

  @JobWorker(type = "check-requestability")
  public Map<String, Object> checkRequestability(
      @Variable Long bibId, @Variable String homeLibrary, @Variable Object checkedAt) {
    var verdict =
        Requestability.judge(
            homeLibrary, catalogue.items(bibId, EngineTime.parse("checkedAt", checkedAt)));
    Map<String, Object> out = new HashMap<>();
    out.put("requestable", verdict.requestable());
    out.put("rejectionReason", verdict.reason());
    return out;
  }

  /**
   * The next library of the rota that has not been asked yet, the rota ranked by measured
   * performance ({@link RotaRanking}): {@code lenderCode} and its staff group {@code lenderGroup},
   * the copy to pull ({@code pullItemId}, {@code pullCopies}: barcode and call number), or {@code
   * lenderCode = null} and {@code lenderAnswer = "NONE"} when the rota is exhausted. {@code
   * triedLenders} lists the libraries asked so far; {@code rotaOrder} the ranking at this ask.
   * Idempotent: an ask already recorded for this request and not yet answered is returned again.
   */
  @JobWorker(type = "next-lender")
  public Map<String, Object> nextLender(
      @Variable String requestId,
      @Variable Long bibId,
      @Variable String homeLibrary,
      @Variable Object askedAt,
      @Variable(name = "triedLenders", optional = true) List<String> triedLenders) {
    Instant at = EngineTime.parse("askedAt", askedAt);
    List<String> tried = triedLenders == null ? new ArrayList<>() : new ArrayList<>(triedLenders);
    List<Item> copies = catalogue.items(bibId, at);
    Map<String, Object> out = new HashMap<>();
    Optional<LenderAsks.Ask> pending =
        asks.forRequest(requestId).stream()
            .filter(a -> a.answeredAt() == null && !tried.contains(a.lender()))
            .findFirst();
    List<String> order = List.of();
    String chosen;
    Long itemId;
    if (pending.isPresent()) {
      chosen = pending.get().lender();
      itemId = pending.get().itemId();
    } else {
      Map<String, Integer> rank =
          libraries.all().stream().collect(Collectors.toMap(Library::code, Library::rotaRank));
      List<String> candidates = LenderRota.candidates(homeLibrary, copies);
      order =
          new RotaRanking(properties.rota().weights())
              .order(candidates, asks.recent(candidates, at), rank, at).stream()
                  .map(RotaRanking.Performance::lender)
                  .toList();
      Optional<String> next = LenderRota.next(order, tried);
      if (next.isEmpty()) {
        out.put("lenderCode", null);
        out.put("lenderGroup", null);
        out.put("lenderAnswer", "NONE");
        out.put("triedLenders", tried);
        return out;
      }
      chosen = next.get();
      itemId = LenderRota.copyAt(chosen, copies).map(Item::id).orElse(null);
      asks.asked(requestId, chosen, itemId, at);
    }
    Library lender = libraries.get(chosen);
    loans.asking(requestId, lender.code());
    tried.add(lender.code());
    Item copy = itemId == null ? null : catalogue.item(itemId).orElse(null);
    out.put("lenderCode", lender.code());
    out.put("lenderName", lender.name());
    out.put("lenderGroup", lender.staffGroup());
    out.put("pullItemId", itemId);
    out.put(
        "pullCopies",
        copy == null
            ? ""
            : copy.barcode() + (copy.callNumber() == null ? "" : " (" + copy.callNumber() + ")"));
    out.put("lenderAnswer", "ASKED");
    out.put("triedLenders", tried);
    out.put("rotaOrder", order);
    return out;
  }

  /** Records the lender's answer; {@code lenderAnswer} = SHIPPED, REFUSED or CANCELLED. */
  @JobWorker(type = "record-lender-answer")
  public Map<String, Object> recordLenderAnswer(
      ActivatedJob job,
      @Variable String requestId,
      @Variable String lenderCode,
      @Variable(name = "pullItemId", optional = true) Long pullItemId,
      @Variable Object answeredAt,
      @Variable(name = "pullOutcome", optional = true) String pullOutcome,
      @Variable(name = "pullNote", optional = true) String pullNote) {
    LenderAnswer answer = LenderAnswer.of(pullOutcome);
    PhysicalLoans.Outcome outcome =
        loans.recordAnswer(
            requestId,
            lenderCode,
            pullItemId,
            answer,
            pullNote,
            "job:" + job.getKey(),
            EngineTime.parse("answeredAt", answeredAt));
    return Map.of("lenderAnswer", outcome.name());
  }

  /**
   * The lender did not answer "Pull and ship" by its deadline: the ask is recorded as LATE (it
   * counts against the lender's fill rate and turnaround) and the rota moves on.
   */
  @JobWorker(type = "record-lender-late")
  public Map<String, Object> recordLenderLate(
      @Variable String requestId, @Variable String lenderCode, @Variable Object lateAt) {
    asks.answered(
        requestId,
        lenderCode,
        LenderAsks.Outcome.LATE,
        "no answer in time",
        EngineTime.parse("lateAt", lateAt));
    return Map.of("lenderAnswer", "LATE");
  }

  /**
   * The home library received the item at {@code receivedAt} (engine time): returns {@code
   * pickupBy}, the last day to pick it up, and {@code pickupDeadline}, the end of that day (the
   * timer of the pickup window).
   */
  @JobWorker(type = "physical-mark-received")
  public Map<String, Object> markReceived(@Variable String requestId, @Variable Object receivedAt) {
    PickupWindow window = loans.received(requestId, EngineTime.parse("receivedAt", receivedAt));
    return Map.of(
        "pickupBy", window.pickupBy().toString(),
        "pickupDeadline", window.deadline().toString());
  }

  /**
   * Checkout at the counter: returns {@code checkoutAt} (ISO-8601 instant) and {@code dueDate} (the
   * Hong Kong date: checkout date plus the category's loan period) for the loan lifecycle. The
   * checkout time is the engine's ({@code checkedOutAt = now()} in the task's input mapping), so
   * that due dates follow the engine clock.
   */
  @JobWorker(type = "physical-check-out")
  public Map<String, Object> checkOut(
      @Variable String requestId, @Variable Integer loanDays, @Variable Object checkedOutAt) {
    PhysicalLoan loan =
        loans.checkedOut(requestId, loanDays, EngineTime.parse("checkedOutAt", checkedOutAt));
    return Map.of(
        "checkoutAt",
        loan.checkedOutAt().toString(),
        "dueDate",
        LoanCalendar.dueDate(loan.checkedOutAt(), loan.loanDays(), calendars.of(loan.homeLibrary()))
            .toString());
  }

  /** The lender confirmed the item is back on its shelf. */
  @JobWorker(type = "physical-back-at-lender")
  public void backAtLender(@Variable String requestId) {
    loans.backAtLender(requestId);
  }

  /**
   * Gives the request's quota slot back (a no-op if it holds none) and closes a lender's ask still
   * open (the patron cancelled while it was asked), which then counts neither for nor against it.
   */
  @JobWorker(type = "physical-release-quota")
  public void releaseQuota(@Variable String requestId) {
    patrons.releaseQuota(requestId);
    asks.cancelled(requestId, Instant.now());
  }
}
