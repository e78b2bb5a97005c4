package org.interlend.app.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.interlend.copying.Delivery;
import org.interlend.copying.DigitalDeliveries;
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
                && (request.status() == RequestStatus.REQUESTED
                    || request.status() == RequestStatus.SCANNING);
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

  /** One row of the My Requests table: the request and what its flow adds, in brief. */
  public record Summary(
      Request request,
      String lenderName,
      String lenderNameZh,
      LocalDate dueDate,
      BigDecimal finesTotal,
      DeliveredCopy delivery,
      boolean chargeOpen) {}

  /** A page of the table, newest first. */
  public record Page(List<Summary> rows, int number, int size, long total) {

    public boolean hasPrevious() {
      return number > 0;
    }

    public boolean hasNext() {
      return (long) (number + 1) * size < total;
    }

    public long pages() {
      return Math.max(1, (total + size - 1) / size);
    }
  }

  /**
   * A page of the patron's requests, in one query whatever the page holds (loan, lender, fines,
   * delivered copy and open charge are joined in).
   */
  public Page page(String patronId, int number, int size) {
    int page = Math.max(0, number);
    long[] total = {0};
    List<Summary> rows =
        jdbc.query(
            "select r.*, lib.name as lender_name, lib.name_zh as lender_name_zh, l.due_date,"
                + " (select coalesce(sum(f.amount), 0) from fine f where f.request_id = r.id)"
                + "   as fines_total,"
                + " d.available_until, d.downloads, d.max_downloads, d.expired_at,"
                + " (select c.status from charge c where c.request_id = r.id order by c.id desc"
                + "   limit 1) as charge_status,"
                + " count(*) over () as total"
                + " from request r"
                + " left join loan l on l.request_id = r.id"
                + " left join digital_request dr on dr.request_id = r.id"
                + " left join library lib on lib.code = coalesce(l.lender_code, dr.supplier)"
                + " left join digital_delivery d on d.request_id = r.id and r.kind = 'DIGITAL'"
                + "   and d.published_at is not null"
                + " where r.patron_id = ?"
                + " order by r.created_at desc, r.id desc limit ? offset ?",
            (rs, i) -> {
              total[0] = rs.getLong("total");
              Request request =
                  new Request(
                      rs.getString("id"),
                      rs.getString("kind"),
                      rs.getString("patron_id"),
                      rs.getString("title"),
                      RequestStatus.valueOf(rs.getString("status")),
                      (Long) rs.getObject("process_instance_key"),
                      rs.getBoolean("quota_held"),
                      rs.getTimestamp("created_at").toInstant(),
                      rs.getTimestamp("updated_at").toInstant());
              java.sql.Timestamp until = rs.getTimestamp("available_until");
              java.sql.Timestamp expired = rs.getTimestamp("expired_at");
              DeliveredCopy copy =
                  until == null
                      ? null
                      : new DeliveredCopy(
                          until.toInstant(),
                          rs.getInt("downloads"),
                          (Integer) rs.getObject("max_downloads"),
                          expired == null ? null : expired.toInstant());
              java.sql.Date due = rs.getDate("due_date");
              return new Summary(
                  request,
                  rs.getString("lender_name"),
                  rs.getString("lender_name_zh"),
                  due == null ? null : due.toLocalDate(),
                  rs.getBigDecimal("fines_total"),
                  copy,
                  "OFFERED".equals(rs.getString("charge_status")));
            },
            patronId,
            size,
            (long) page * size);
    if (rows.isEmpty() && page > 0) {
      // past the end (an old link): the last page instead
      long count =
          jdbc.queryForObject(
              "select count(*) from request where patron_id = ?", Long.class, patronId);
      int last = (int) Math.max(0, (count - 1) / size);
      return last < page ? page(patronId, last, size) : new Page(rows, page, size, count);
    }
    return new Page(rows, page, size, total[0]);
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
        patronLoan
            .map(PatronLoan::lenderCode)
            .orElseGet(() -> r.kind().equals("DIGITAL") ? supplier(r.id()) : null);
    return new Detail(
        r,
        requests.history(r.id()),
        lenderCode == null ? null : libraries.find(lenderCode).orElse(null),
        patronLoan.map(this::loan),
        r.kind().equals("DIGITAL")
            ? deliveries.find(r.id()).filter(Delivery::published).map(MyRequests::copy)
            : Optional.empty(),
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
    return jdbc
        .query(
            "select supplier from digital_request where request_id = ?",
            (rs, i) -> rs.getString(1),
            requestId)
        .stream()
        .filter(s -> s != null)
        .findFirst()
        .orElse(null);
  }
}
