package org.interlend.app.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.interlend.copying.DigitalDeliveries;
import org.interlend.copying.Delivery;
import org.interlend.lending.lifecycle.FineEntry;
import org.interlend.lending.lifecycle.FineLedger;
import org.interlend.lending.lifecycle.LoanLifecycle;
import org.interlend.lending.lifecycle.Loans;
import org.interlend.lending.lifecycle.PatronLoan;
import org.interlend.lending.rules.LoanPolicy;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.interlend.overseas.Charges;
import org.interlend.overseas.OverseasOrders;
import org.interlend.requests.Request;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.requests.StatusChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * "My Requests": a patron's own requests with their history and what each flow adds to them: the
 * lender, the loan's due date, renewals left and fines; the delivered copy's downloads left and
 * expiry; an offered charge. A request of another patron is treated exactly like one that does not
 * exist, so ids cannot be probed.
 */
@Service
public class MyRequests {

  /** The loan of a physical request, once checked out. */
  public record Loan(
      LocalDate dueDate,
      int renewalsUsed,
      int renewalsLeft,
      boolean lenderAllowsRenewal,
      boolean recalled,
      boolean overdue,
      boolean returned,
      List<FineEntry> fines,
      BigDecimal finesTotal) {

    public boolean renewable() {
      return !returned && !recalled && lenderAllowsRenewal && renewalsLeft > 0;
    }
  }

  /** The delivered scan of a digital request. */
  public record DeliveredCopy(
      Instant availableUntil, int downloads, Integer maxDownloads, Instant expiredAt) {

    public Integer downloadsLeft() {
      return maxDownloads == null ? null : Math.max(0, maxDownloads - downloads);
    }

    public boolean expired(Instant now) {
      return expiredAt != null || (availableUntil != null && !now.isBefore(availableUntil));
    }

    public boolean downloadable(Instant now) {
      return !expired(now) && downloadsLeft() != null && downloadsLeft() > 0;
    }
  }

  /** A cost offered to the patron (overseas requests). */
  public record Charge(BigDecimal amountHkd, String reason, String status, LocalDate answerBy) {

    public boolean open() {
      return status.equals("OFFERED");
    }
  }

  public record Detail(
      Request request,
      List<StatusChange> history,
      Library lender,
      Optional<Loan> loan,
      Optional<DeliveredCopy> delivery,
      Optional<Charge> charge) {

    /**
     * Physical requests may be cancelled until the lender ships (HKALL: while REQUESTED); digital
     * ones until the scan is supplied; overseas ones until the order is placed.
     */
    public boolean cancellable() {
      return switch (request.kind()) {
        case "PHYSICAL" -> request.status() == RequestStatus.REQUESTED;
        case "DIGITAL" ->
            delivery.isEmpty()
                && (request.status() == RequestStatus.REQUESTED || request.status() == RequestStatus.SCANNING);
        case "OVERSEAS" -> OverseasOrders.BEFORE_ORDER.contains(request.status());
        default -> false;
      };
    }

    public boolean chargeOpen() {
      return charge.map(Charge::open).orElse(false);
    }

    public boolean renewable() {
      return loan.map(Loan::renewable).orElse(false);
    }
  }

  private final Requests requests;
  private final JdbcTemplate jdbc;
  private final Libraries libraries;
  private final Loans loans;
  private final LoanLifecycle lifecycle;
  private final FineLedger fines;
  private final DigitalDeliveries deliveries;
  private final Charges charges;

  public MyRequests(
      Requests requests,
      JdbcTemplate jdbc,
      Libraries libraries,
      Loans loans,
      LoanLifecycle lifecycle,
      FineLedger fines,
      DigitalDeliveries deliveries,
      Charges charges) {
    this.requests = requests;
    this.jdbc = jdbc;
    this.libraries = libraries;
    this.loans = loans;
    this.lifecycle = lifecycle;
    this.fines = fines;
    this.deliveries = deliveries;
    this.charges = charges;
  }

  public List<Request> list(String patronId) {
    return requests.forPatron(patronId);
  }

  /** All the patron's requests with what each flow adds (for the My Requests table). */
  public List<Detail> details(String patronId) {
    return list(patronId).stream().map(this::detail).toList();
  }

  /** The request if it is the patron's own; empty for another's and for an unknown id alike. */
  public Optional<Request> own(String patronId, String requestId) {
    if (patronId == null || requestId == null || !requestId.matches("R-\\d{1,18}")) {
      return Optional.empty();
    }
    return requests.find(requestId).filter(r -> r.patronId().equals(patronId));
  }

  public Optional<Detail> detail(String patronId, String requestId) {
    return own(patronId, requestId).map(this::detail);
  }

  private Detail detail(Request r) {
    Optional<PatronLoan> patronLoan =
        r.kind().equals("DIGITAL") ? Optional.empty() : loans.find(r.id());
    String lenderCode =
        patronLoan.map(PatronLoan::lenderCode).orElseGet(() -> r.kind().equals("DIGITAL") ? supplier(r.id()) : null);
    return new Detail(
        r,
        requests.history(r.id()),
        lenderCode == null ? null : libraries.find(lenderCode).orElse(null),
        patronLoan.map(this::loan),
        r.kind().equals("DIGITAL") ? deliveries.find(r.id()).filter(Delivery::published).map(MyRequests::copy) : Optional.empty(),
        charges.forRequest(r.id()).stream()
            .reduce((first, second) -> second)
            .map(c -> new Charge(c.amountHkd(), c.reason(), c.status().name(), c.answerBy())));
  }

  private Loan loan(PatronLoan l) {
    LoanPolicy policy = lifecycle.policy(l);
    List<FineEntry> entries = fines.forLoan(l.requestId());
    return new Loan(
        l.dueDate(),
        l.renewalsUsed(),
        Math.max(0, policy.maxRenewals() - l.renewalsUsed()),
        policy.lenderAllowsRenewal(),
        l.recalled(),
        l.overdue(),
        l.returnedAt() != null,
        entries,
        entries.stream().map(FineEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static DeliveredCopy copy(Delivery d) {
    return new DeliveredCopy(d.availableUntil(), d.downloads(), d.maxDownloads(), d.expiredAt());
  }

  private String supplier(String requestId) {
    return jdbc.query(
            "select supplier from digital_request where request_id = ?", (rs, i) -> rs.getString(1), requestId)
        .stream()
        .filter(s -> s != null)
        .findFirst()
        .orElse(null);
  }
}
