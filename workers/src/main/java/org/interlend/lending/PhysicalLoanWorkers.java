package org.interlend.lending;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.interlend.catalogue.Bib;
import org.interlend.catalogue.Catalogue;
import org.interlend.catalogue.Item;
import org.interlend.lending.lifecycle.EngineTime;
import org.interlend.lending.rules.LoanCalendar;
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
  private final String homeLibrary;
  private final String consoleUrl;

  public PhysicalLoanWorkers(
      Patrons patrons,
      Catalogue catalogue,
      Libraries libraries,
      PhysicalLoans loans,
      HkallAccounts accounts,
      @Value("${interlend.home-library:cityu}") String homeLibrary,
      @Value("${interlend.public-url:http://localhost:8080}") String consoleUrl) {
    this.consoleUrl = consoleUrl.replaceAll("/+$", "");
    this.patrons = patrons;
    this.catalogue = catalogue;
    this.libraries = libraries;
    this.loans = loans;
    this.accounts = accounts;
    this.homeLibrary = homeLibrary;
  }

  /**
   * Opens the physical loan and returns what the rules and the staff need: category, loan period,
   * home library and its staff group, and the title for the task forms.
   */
  @JobWorker(type = "physical-open-request")
  public Map<String, Object> openRequest(
      @Variable String requestId, @Variable String patronId, @Variable Long bibId) {
    Patron patron = patrons.get(patronId);
    Bib bib =
        catalogue
            .bib(bibId)
            .orElseThrow(
                () -> new IllegalArgumentException("no title " + bibId + " in the union catalogue"));
    Library home = libraries.get(homeLibrary);
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
  public Map<String, Object> checkEligibility(@Variable String requestId, @Variable String patronId) {
    Optional<String> refusal = accounts.admit(requestId, patronId);
    Map<String, Object> out = new HashMap<>();
    out.put("eligible", refusal.isEmpty());
    out.put("rejectionReason", refusal.orElse(null));
    return out;
  }

  @JobWorker(type = "check-requestability")
  public Map<String, Object> checkRequestability(
      @Variable Long bibId, @Variable String homeLibrary) {
    var verdict = Requestability.judge(homeLibrary, catalogue.items(bibId));
    Map<String, Object> out = new HashMap<>();
    out.put("requestable", verdict.requestable());
    out.put("rejectionReason", verdict.reason());
    return out;
  }

  /**
   * The next library of the rota that has not been asked yet: {@code lenderCode} and its staff
   * group {@code lenderGroup}, the copies to pull ({@code pullCopies}: barcodes and call numbers), or {@code lenderCode = null} and {@code lenderAnswer = "NONE"} when
   * the rota is exhausted. {@code triedLenders} lists the libraries asked so far.
   */
  @JobWorker(type = "next-lender")
  public Map<String, Object> nextLender(
      @Variable String requestId,
      @Variable Long bibId,
      @Variable String homeLibrary,
      @Variable(name = "triedLenders", optional = true) List<String> triedLenders) {
    List<String> tried = triedLenders == null ? new ArrayList<>() : new ArrayList<>(triedLenders);
    Map<String, Integer> rank =
        libraries.all().stream().collect(Collectors.toMap(Library::code, Library::rotaRank));
    List<Item> copies = catalogue.items(bibId);
    Optional<String> next = LenderRota.next(homeLibrary, copies, rank, tried);
    Map<String, Object> out = new HashMap<>();
    if (next.isEmpty()) {
      out.put("lenderCode", null);
      out.put("lenderGroup", null);
      out.put("lenderAnswer", "NONE");
      out.put("triedLenders", tried);
      return out;
    }
    Library lender = libraries.get(next.get());
    loans.asking(requestId, lender.code());
    tried.add(lender.code());
    out.put("lenderCode", lender.code());
    out.put("lenderName", lender.name());
    out.put("lenderGroup", lender.staffGroup());
    out.put(
        "pullCopies",
        copies.stream()
            .filter(c -> c.libraryCode().equals(lender.code()) && c.loanable() && c.available())
            .map(c -> c.barcode() + (c.callNumber() == null ? "" : " (" + c.callNumber() + ")"))
            .collect(Collectors.joining("; ")));
    out.put("lenderAnswer", "ASKED");
    out.put("triedLenders", tried);
    return out;
  }

  /** Records the lender's answer; {@code lenderAnswer} = SHIPPED, REFUSED or CANCELLED. */
  @JobWorker(type = "record-lender-answer")
  public Map<String, Object> recordLenderAnswer(
      ActivatedJob job,
      @Variable String requestId,
      @Variable String lenderCode,
      @Variable(name = "pullOutcome", optional = true) String pullOutcome,
      @Variable(name = "pullNote", optional = true) String pullNote) {
    LenderAnswer answer = LenderAnswer.of(pullOutcome);
    PhysicalLoans.Outcome outcome =
        loans.recordAnswer(requestId, lenderCode, answer, pullNote, "job:" + job.getKey());
    return Map.of("lenderAnswer", outcome.name());
  }

  /** The home library received the item: returns {@code pickupBy}, the last day to pick it up. */
  @JobWorker(type = "physical-mark-received")
  public Map<String, Object> markReceived(@Variable String requestId) {
    return Map.of("pickupBy", loans.received(requestId).toString());
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
        loans.checkedOut(
            requestId, loanDays, EngineTime.parse("checkedOutAt", checkedOutAt));
    return Map.of(
        "checkoutAt", loan.checkedOutAt().toString(),
        "dueDate", LoanCalendar.dueDate(loan.checkedOutAt(), loan.loanDays()).toString());
  }

  /** The lender confirmed the item is back on its shelf. */
  @JobWorker(type = "physical-back-at-lender")
  public void backAtLender(@Variable String requestId) {
    loans.backAtLender(requestId);
  }

  /** Gives the request's quota slot back (a no-op if it holds none). */
  @JobWorker(type = "physical-release-quota")
  public void releaseQuota(@Variable String requestId) {
    patrons.releaseQuota(requestId);
  }
}
