package org.interlend.lending;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.interlend.lending.rules.RotaRanking;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Every time a lender is asked to pull and ship (table {@code lender_ask}): the copy asked for,
 * when, and how and when it answered. The rota ranks lenders by these; the statistics page reads
 * them. Times are the engine's, so that time travel in tests moves them too.
 */
@Service
public class LenderAsks {

  /** How an ask ended. */
  public enum Outcome {
    SHIPPED,
    REFUSED,
    /** No answer by the deadline: the request moved on. */
    LATE,
    /** The patron cancelled while the lender was asked. */
    CANCELLED
  }

  /** One ask of a request, as recorded. */
  public record Ask(
      String requestId,
      String lender,
      Long itemId,
      Instant askedAt,
      Instant answeredAt,
      String outcome,
      String reason) {}

  private final JdbcTemplate jdbc;
  private final LendingProperties properties;

  public LenderAsks(JdbcTemplate jdbc, LendingProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * Records that {@code lender} is asked for copy {@code itemId} at {@code at}; once per lender and
   * request.
   */
  public void asked(String requestId, String lender, Long itemId, Instant at) {
    jdbc.update(
        "insert into lender_ask (request_id, lender_code, item_id, asked_at) values (?, ?, ?, ?)"
            + " on conflict (request_id, lender_code) do nothing",
        requestId,
        lender,
        itemId,
        Timestamp.from(at));
  }

  /** Records the end of the lender's open ask (the first answer counts). */
  public void answered(
      String requestId, String lender, Outcome outcome, String reason, Instant at) {
    jdbc.update(
        "update lender_ask set answered_at = ?, outcome = ?, reason = ?"
            + " where request_id = ? and lender_code = ? and answered_at is null",
        Timestamp.from(at),
        outcome.name(),
        reason,
        requestId,
        lender);
  }

  /** Closes whatever ask of the request is open (the patron cancelled). */
  public void cancelled(String requestId, Instant at) {
    jdbc.update(
        "update lender_ask set answered_at = ?, outcome = 'CANCELLED'"
            + " where request_id = ? and answered_at is null",
        Timestamp.from(at),
        requestId);
  }

  public Optional<Ask> find(String requestId, String lender) {
    return jdbc
        .query(
            "select * from lender_ask where request_id = ? and lender_code = ?",
            (rs, i) -> ask(rs),
            requestId,
            lender)
        .stream()
        .findFirst();
  }

  public List<Ask> forRequest(String requestId) {
    return jdbc.query(
        "select * from lender_ask where request_id = ? order by asked_at, id",
        (rs, i) -> ask(rs),
        requestId);
  }

  /**
   * The asks the rota ranks by: each lender's asks within the window (and every open one), except
   * cancelled ones, which say nothing about the lender.
   */
  public List<RotaRanking.Ask> recent(Collection<String> lenders, Instant now) {
    if (lenders.isEmpty()) {
      return List.of();
    }
    Instant since = now.minus(Duration.ofDays(properties.rota().windowDays()));
    String in = String.join(",", java.util.Collections.nCopies(lenders.size(), "?"));
    Object[] args = new Object[lenders.size() + 1];
    int i = 0;
    for (String l : lenders) {
      args[i++] = l;
    }
    args[i] = Timestamp.from(since);
    return jdbc.query(
        "select lender_code, asked_at, answered_at, outcome from lender_ask where lender_code in ("
            + in
            + ") and (asked_at >= ? or answered_at is null)"
            + " and coalesce(outcome, '') <> 'CANCELLED'",
        (rs, n) ->
            new RotaRanking.Ask(
                rs.getString("lender_code"),
                rs.getTimestamp("asked_at").toInstant(),
                rs.getTimestamp("answered_at") == null
                    ? null
                    : rs.getTimestamp("answered_at").toInstant(),
                "SHIPPED".equals(rs.getString("outcome"))),
        args);
  }

  private static Ask ask(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Ask(
        rs.getString("request_id"),
        rs.getString("lender_code"),
        (Long) rs.getObject("item_id"),
        rs.getTimestamp("asked_at").toInstant(),
        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
        rs.getString("outcome"),
        rs.getString("reason"));
  }
}
