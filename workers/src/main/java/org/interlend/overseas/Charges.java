package org.interlend.overseas;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The charge ledger: charges offered to patrons and their answers. An ACCEPTED charge is a ledger
 * entry the patron owes; it becomes WITHDRAWN when the request is cancelled before the order.
 * Offers are recorded once per deduplication key, and at most one offer per request is open at a
 * time.
 */
@Service
public class Charges {

  public enum Status {
    OFFERED,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    /** Accepted, then the request was cancelled before anything was ordered: not owed. */
    WITHDRAWN
  }

  public record Charge(
      long id,
      String requestId,
      String patronId,
      BigDecimal amountHkd,
      String reason,
      Status status,
      LocalDate answerBy) {}

  private static final RowMapper<Charge> ROW =
      (rs, i) ->
          new Charge(
              rs.getLong("id"),
              rs.getString("request_id"),
              rs.getString("patron_id"),
              rs.getBigDecimal("amount_hkd"),
              rs.getString("reason"),
              Status.valueOf(rs.getString("status")),
              rs.getObject("answer_by", LocalDate.class));

  private final JdbcTemplate jdbc;

  public Charges(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records an offer unless this key (or another open offer for the request) is recorded. */
  public void offer(
      String dedupKey,
      String requestId,
      String patronId,
      BigDecimal amountHkd,
      String reason,
      LocalDate answerBy) {
    if (amountHkd == null || amountHkd.signum() <= 0) {
      throw new IllegalArgumentException("a charge must be positive, not " + amountHkd);
    }
    jdbc.update(
        "insert into charge (request_id, patron_id, amount_hkd, reason, status, answer_by, dedup_key)"
            + " values (?, ?, ?, ?, 'OFFERED', ?, ?) on conflict do nothing",
        requestId,
        patronId,
        amountHkd,
        reason,
        answerBy,
        dedupKey);
  }

  /**
   * Closes the request's open offer with the answer. Idempotent: with no open offer (already
   * settled) nothing changes.
   */
  public void settle(String requestId, Status answer) {
    if (answer == Status.OFFERED || answer == Status.WITHDRAWN) {
      throw new IllegalArgumentException("an answer is ACCEPTED, DECLINED or EXPIRED");
    }
    jdbc.update(
        "update charge set status = ?, answered_at = now() where request_id = ? and status = 'OFFERED'",
        answer.name(),
        requestId);
  }

  /**
   * Withdraws the request's accepted, unpaid charges: the request was cancelled before the library
   * placed the order, so nothing is owed. Idempotent.
   */
  public void withdrawAccepted(String requestId) {
    jdbc.update(
        "update charge set status = 'WITHDRAWN' where request_id = ? and status = 'ACCEPTED'"
            + " and paid_at is null",
        requestId);
  }

  public Optional<Charge> openOffer(String requestId) {
    return jdbc
        .query("select * from charge where request_id = ? and status = 'OFFERED'", ROW, requestId)
        .stream()
        .findFirst();
  }

  public List<Charge> forRequest(String requestId) {
    return jdbc.query("select * from charge where request_id = ? order by id", ROW, requestId);
  }
}
