package org.interlend.lending;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.interlend.calendar.Calendars;
import org.interlend.lending.rules.PickupWindow;
import org.interlend.requests.RequestStatus;
import org.interlend.requests.Requests;
import org.interlend.texts.PatronTexts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The physical loans of HKALL requests: which library was asked, what it answered, which copy
 * travelled, and when it was received, checked out and back at the lender. Every method is
 * idempotent, so a retried job changes nothing the second time.
 */
@Service
public class PhysicalLoans {

  /** Calendar days a patron has to pick up a received item (HKALL service pages). */
  public static final int PICKUP_DAYS = PickupWindow.HKALL_DAYS;

  /** What became of a lender's answer. */
  public enum Outcome {
    /** The lender shipped and the request is TRANSFERRED. */
    SHIPPED,
    /** The lender cannot supply; ask the next library. */
    REFUSED,
    /** The patron cancelled before the shipment was recorded: the cancel wins. */
    CANCELLED
  }

  private static final RowMapper<PhysicalLoan> ROW =
      (rs, i) ->
          new PhysicalLoan(
              rs.getString("request_id"),
              rs.getLong("bib_id"),
              rs.getString("home_library"),
              rs.getString("lender_code"),
              (Long) rs.getObject("item_id"),
              instant(rs.getTimestamp("shipped_at")),
              instant(rs.getTimestamp("received_at")),
              rs.getObject("pickup_by", LocalDate.class),
              instant(rs.getTimestamp("checked_out_at")),
              (Integer) rs.getObject("loan_days"),
              instant(rs.getTimestamp("back_at_lender_at")));

  private final JdbcTemplate jdbc;
  private final Requests requests;
  private final Calendars calendars;
  private final LenderAsks asks;
  private final LendingProperties properties;

  public PhysicalLoans(
      JdbcTemplate jdbc,
      Requests requests,
      Calendars calendars,
      LenderAsks asks,
      LendingProperties properties) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.calendars = calendars;
    this.asks = asks;
    this.properties = properties;
  }

  public Optional<PhysicalLoan> find(String requestId) {
    return jdbc.query("select * from physical_loan where request_id = ?", ROW, requestId).stream()
        .findFirst();
  }

  public PhysicalLoan get(String requestId) {
    return find(requestId)
        .orElseThrow(() -> new IllegalStateException("no physical loan for request " + requestId));
  }

  /** Opens the physical loan of a request for a title (once). */
  public void open(String requestId, long bibId, String homeLibrary) {
    jdbc.update(
        "insert into physical_loan (request_id, bib_id, home_library) values (?, ?, ?)"
            + " on conflict (request_id) do nothing",
        requestId,
        bibId,
        homeLibrary);
  }

  /** Notes which library is being asked now. */
  public void asking(String requestId, String lenderCode) {
    jdbc.update(
        "update physical_loan set lender_code = ? where request_id = ?", lenderCode, requestId);
  }

  /**
   * Records a lender's answer once per {@code dedupKey}. A shipment moves the request from
   * REQUESTED to TRANSFERRED only if it is still REQUESTED (a patron's cancel and a shipment cannot
   * both win) and puts the copy asked for on HKALL loan. A refusal marks only the copy that was
   * asked for ({@code itemId}) in the union catalogue, with its reason: not on the shelf (missing)
   * and checked out locally count until they lapse ({@link LendingProperties}), not suitable for
   * loan stays. The lender's ask is closed with the answer ({@link LenderAsks}).
   */
  @Transactional
  public Outcome recordAnswer(
      String requestId,
      String lenderCode,
      Long itemId,
      LenderAnswer answer,
      String note,
      String dedupKey,
      Instant answeredAt) {
    PhysicalLoan loan = get(requestId);
    boolean first =
        jdbc.update(
                "insert into lender_answer (request_id, lender_code, answer, note, dedup_key)"
                    + " values (?, ?, ?, ?, ?) on conflict (dedup_key) do nothing",
                requestId,
                lenderCode,
                answer.name(),
                note,
                dedupKey)
            == 1;
    if (answer != LenderAnswer.SHIPPED) {
      if (first) {
        markAskedCopy(itemId, requestId, lenderCode, answer, answeredAt);
      }
      asks.answered(requestId, lenderCode, LenderAsks.Outcome.REFUSED, answer.name(), answeredAt);
      return Outcome.REFUSED;
    }
    String actor = "staff " + lenderCode;
    Object statusNote =
        note == null || note.isBlank()
            ? java.util.Map.of(PatronTexts.CODE, "note.physical.shipped", "lender", lenderCode)
            : note;
    if (requests.transition(
        requestId, RequestStatus.REQUESTED, RequestStatus.TRANSFERRED, actor, statusNote)) {
      Long shipped = copyToShip(loan.bibId(), lenderCode, itemId);
      if (shipped != null) {
        jdbc.update(
            "update item set status = 'ON_HKALL_LOAN', status_reason = null, status_until = null"
                + " where id = ?",
            shipped);
      }
      jdbc.update(
          "update physical_loan set lender_code = ?, item_id = ?, shipped_at = ?"
              + " where request_id = ?",
          lenderCode,
          shipped,
          Timestamp.from(answeredAt),
          requestId);
      asks.answered(requestId, lenderCode, LenderAsks.Outcome.SHIPPED, null, answeredAt);
      return Outcome.SHIPPED;
    }
    RequestStatus now = requests.get(requestId).status();
    PhysicalLoan after = get(requestId);
    if (now == RequestStatus.TRANSFERRED
        && lenderCode.equals(after.lenderCode())
        && after.shippedAt() != null) {
      return Outcome.SHIPPED; // this answer was recorded before: a retried job
    }
    if (now == RequestStatus.CANCELLED) {
      asks.answered(requestId, lenderCode, LenderAsks.Outcome.CANCELLED, null, answeredAt);
      return Outcome.CANCELLED;
    }
    throw new IllegalStateException(
        "request "
            + requestId
            + " is "
            + now.label()
            + ", not REQUESTED: cannot record a shipment");
  }

  /**
   * The copy that travels: the one asked for if it is the lender's, else its first loanable copy.
   */
  private Long copyToShip(long bibId, String lenderCode, Long askedItem) {
    List<Long> ids =
        jdbc.queryForList(
            "select id from item where bib_id = ? and library_code = ? and format = 'BOOK'"
                + " and collection = 'GENERAL' and not not_for_loan"
                + " order by (id = ?) desc, (status = 'AVAILABLE') desc, id limit 1 for update",
            Long.class,
            bibId,
            lenderCode,
            askedItem == null ? -1L : askedItem);
    return ids.isEmpty() ? null : ids.get(0);
  }

  private void markAskedCopy(
      Long itemId, String requestId, String lenderCode, LenderAnswer answer, Instant at) {
    if (itemId == null) {
      return; // an ask without a copy (older requests): mark nothing rather than every copy
    }
    String reason = answer.label() + " (" + lenderCode + ", request " + requestId + ")";
    switch (answer) {
      case NOT_ON_SHELF ->
          jdbc.update(
              "update item set status = 'MISSING', status_reason = ?, status_until = ?"
                  + " where id = ? and status = 'AVAILABLE'",
              reason,
              Timestamp.from(at.plus(Duration.ofDays(properties.notOnShelfDays()))),
              itemId);
      case CHECKED_OUT_LOCALLY ->
          jdbc.update(
              "update item set status = 'CHECKED_OUT', status_reason = ?, status_until = ?"
                  + " where id = ? and status = 'AVAILABLE'",
              reason,
              Timestamp.from(at.plus(Duration.ofDays(properties.checkedOutDays()))),
              itemId);
      case NOT_SUITABLE ->
          jdbc.update(
              "update item set not_for_loan = true, status_reason = ? where id = ?",
              reason,
              itemId);
      case SHIPPED -> throw new IllegalArgumentException("a shipment is not a refusal");
    }
  }

  /** The answers the lenders gave for a request, in order. */
  public List<String> answers(String requestId) {
    return jdbc.queryForList(
        "select lender_code || ': ' || answer from lender_answer where request_id = ? order by id",
        String.class,
        requestId);
  }

  /**
   * Notes that the home library received the item at {@code at} (engine time; the first call
   * counts) and sets the pickup window by the home library's calendar.
   *
   * @return the last Hong Kong day to pick it up and the end of that day
   */
  @Transactional
  public PickupWindow received(String requestId, Instant at) {
    jdbc.update(
        "update physical_loan set received_at = ? where request_id = ? and received_at is null",
        Timestamp.from(at),
        requestId);
    PhysicalLoan loan = get(requestId);
    PickupWindow window =
        PickupWindow.after(loan.receivedAt(), PICKUP_DAYS, calendars.of(loan.homeLibrary()));
    jdbc.update(
        "update physical_loan set pickup_by = ? where request_id = ?",
        window.pickupBy(),
        requestId);
    return window;
  }

  /**
   * Notes the checkout at the counter (the first time only).
   *
   * @return the loan as stored: the first checkout time wins on a retry
   */
  @Transactional
  public PhysicalLoan checkedOut(String requestId, int loanDays, java.time.Instant at) {
    jdbc.update(
        "update physical_loan set checked_out_at = ?, loan_days = ?"
            + " where request_id = ? and checked_out_at is null",
        java.sql.Timestamp.from(at),
        loanDays,
        requestId);
    return get(requestId);
  }

  /**
   * The lender has its copy back: it is available on its shelf again (the first time only). A copy
   * returned damaged goes back on the shelf marked not for loan, with the reason, until the lender
   * repairs or replaces it.
   */
  @Transactional
  public void backAtLender(String requestId) {
    int first =
        jdbc.update(
            "update physical_loan set back_at_lender_at = now()"
                + " where request_id = ? and back_at_lender_at is null",
            requestId);
    if (first == 1) {
      jdbc.update(
          "update item set status = 'AVAILABLE', status_reason = null, status_until = null"
              + " where id = (select item_id from physical_loan where request_id = ?)"
              + " and status = 'ON_HKALL_LOAN'",
          requestId);
      jdbc.update(
          "update item set not_for_loan = true, status_reason = 'returned damaged (request ' || ? || ')'"
              + " where id = (select item_id from physical_loan where request_id = ?)"
              + " and exists (select 1 from loan where request_id = ? and loss_kind = 'DAMAGED')",
          requestId,
          requestId,
          requestId);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
