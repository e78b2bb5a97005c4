package org.interlend.overseas;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.interlend.lending.PhysicalLoans;
import org.interlend.lending.rules.LoanCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Overseas requests' own record: what was asked for, and how it was sourced, ordered and received.
 * Every write is idempotent (a retried job writes the same values again).
 */
@Service
public class OverseasRequests {

  private final JdbcTemplate jdbc;

  public OverseasRequests(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the request's details once; a second call changes nothing. */
  public void register(String requestId, OverseasRequestDetails d) {
    jdbc.update(
        "insert into overseas_request (request_id, item_type, purpose, author, isbn, issn,"
            + " publisher, year, edition, article_title, volume, pages, patron_note)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing",
        requestId,
        d.itemType(),
        d.purpose(),
        d.author(),
        d.isbn(),
        d.issn(),
        d.publisher(),
        d.year(),
        d.edition(),
        d.articleTitle(),
        d.volume(),
        d.pages(),
        d.patronNote());
  }

  /** The partner's name, e.g. "The British Library (On Demand)"; the code if unknown. */
  public String partnerName(String code) {
    if (code == null) {
      return null;
    }
    return jdbc
        .query("select name from overseas_partner where code = ?", (rs, i) -> rs.getString(1), code)
        .stream()
        .findFirst()
        .orElse(code);
  }

  public boolean partnerExists(String code) {
    return jdbc.queryForObject(
            "select count(*) from overseas_partner where code = ?", Integer.class, code)
        > 0;
  }

  /** Records the partner staff found and the cost they quoted, converted to HK$. */
  public void recordSourcing(
      String requestId,
      String partnerCode,
      BigDecimal estimatedCost,
      String currency,
      BigDecimal rateHkd,
      BigDecimal costHkd,
      String deliveryEstimate,
      String format) {
    int updated =
        jdbc.update(
            "update overseas_request set partner_code = ?, estimated_cost = ?, currency = ?,"
                + " rate_hkd = ?, cost_hkd = ?, delivery_estimate = ?, format = ?,"
                + " sourced_at = coalesce(sourced_at, now()) where request_id = ?",
            partnerCode,
            estimatedCost,
            currency,
            rateHkd,
            costHkd,
            deliveryEstimate,
            format,
            requestId);
    requireRow(updated, requestId);
  }

  public void recordOrder(String requestId, String orderReference) {
    int updated =
        jdbc.update(
            "update overseas_request set order_reference = ?, ordered_at = coalesce(ordered_at, now())"
                + " where request_id = ?",
            orderReference,
            requestId);
    requireRow(updated, requestId);
  }

  /**
   * Records the arrival once (a retried job keeps the first time).
   *
   * @return the last day the patron may pick a physical item up
   */
  public LocalDate recordArrival(String requestId) {
    int updated =
        jdbc.update(
            "update overseas_request set arrived_at = coalesce(arrived_at, now()) where request_id = ?",
            requestId);
    requireRow(updated, requestId);
    Instant arrived =
        jdbc.queryForObject(
            "select arrived_at from overseas_request where request_id = ?",
            (rs, i) -> rs.getTimestamp(1).toInstant(),
            requestId);
    return LoanCalendar.dateOf(arrived).plusDays(PhysicalLoans.PICKUP_DAYS);
  }

  /** Records the partner's due date and the pickup day of an arrived book. */
  public void recordTerms(
      String requestId, java.time.LocalDate partnerDueDate, java.time.LocalDate pickupBy) {
    requireRow(
        jdbc.update(
            "update overseas_request set partner_due_date = ?, pickup_by = ? where request_id = ?",
            partnerDueDate,
            pickupBy,
            requestId),
        requestId);
  }

  /** The stored row as column -> value, for screens and tests. */
  public Optional<Map<String, Object>> find(String requestId) {
    return jdbc
        .queryForList("select * from overseas_request where request_id = ?", requestId)
        .stream()
        .findFirst();
  }

  private static void requireRow(int updated, String requestId) {
    if (updated == 0) {
      throw new IllegalStateException("no overseas request row for " + requestId);
    }
  }
}
