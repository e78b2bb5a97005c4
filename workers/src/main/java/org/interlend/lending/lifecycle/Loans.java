package org.interlend.lending.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Loans to patrons as the loan-lifecycle process keeps them (table {@code loan}), and their renewal
 * decisions. Reading is open to anyone; changes go through {@link LoanLifecycle}.
 */
@Service
public class Loans {

  private static final RowMapper<PatronLoan> ROW =
      (rs, i) ->
          new PatronLoan(
              rs.getString("request_id"),
              rs.getString("patron_id"),
              rs.getString("lender_code"),
              instant(rs.getTimestamp("checkout_at")),
              rs.getInt("loan_days"),
              rs.getObject("due_date", LocalDate.class),
              rs.getInt("renewals_used"),
              instant(rs.getTimestamp("recalled_at")),
              instant(rs.getTimestamp("overdue_at")),
              instant(rs.getTimestamp("returned_at")),
              instant(rs.getTimestamp("lost_at")),
              rs.getString("loss_kind"));

  private static final RowMapper<Renewal> RENEWAL =
      (rs, i) ->
          new Renewal(
              rs.getString("request_id"),
              rs.getString("renewal_id"),
              instant(rs.getTimestamp("requested_at")),
              rs.getBoolean("granted"),
              rs.getString("reason"),
              rs.getString("message"),
              rs.getObject("due_before", LocalDate.class),
              rs.getObject("due_after", LocalDate.class));

  private final JdbcTemplate jdbc;

  public Loans(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The loan of a request, if the request has reached checkout. */
  public Optional<PatronLoan> find(String requestId) {
    return jdbc.query("select * from loan where request_id = ?", ROW, requestId).stream()
        .findFirst();
  }

  public PatronLoan get(String requestId) {
    return find(requestId)
        .orElseThrow(() -> new IllegalArgumentException("no loan for " + requestId));
  }

  /** A patron's loans, newest first. */
  public List<PatronLoan> forPatron(String patronId) {
    return jdbc.query(
        "select * from loan where patron_id = ? order by checkout_at desc, request_id desc",
        ROW,
        patronId);
  }

  /** A loan's renewal decisions, oldest first. */
  public List<Renewal> renewals(String requestId) {
    return jdbc.query(
        "select * from loan_renewal where request_id = ? order by id", RENEWAL, requestId);
  }

  /** The decision on the renewal the requester identified as {@code renewalId}, once made. */
  public Optional<Renewal> findRenewal(String renewalId) {
    return jdbc
        .query("select * from loan_renewal where renewal_id = ?", RENEWAL, renewalId)
        .stream()
        .findFirst();
  }

  /** The lender's own terms of the loan (overseas partners), if it has any. */
  public Optional<LoanTerms> terms(String requestId) {
    return jdbc
        .query(
            "select * from loan_terms where request_id = ?",
            (rs, i) ->
                new LoanTerms(
                    rs.getString("partner_code"),
                    rs.getObject("partner_due_date", LocalDate.class),
                    rs.getObject("due_date", LocalDate.class),
                    rs.getBigDecimal("fine_per_day"),
                    rs.getBigDecimal("replacement_charge"),
                    rs.getBigDecimal("processing_fee"),
                    rs.getBoolean("allows_renewal")),
            requestId)
        .stream()
        .findFirst();
  }

  // ---- changes, for LoanLifecycle (callers hold a transaction) ----

  void saveTerms(String requestId, LoanTerms t) {
    jdbc.update(
        "insert into loan_terms (request_id, partner_code, partner_due_date, due_date, fine_per_day,"
            + " replacement_charge, processing_fee, allows_renewal) values (?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (request_id) do nothing",
        requestId,
        t.partnerCode(),
        t.partnerDueDate(),
        t.dueDate(),
        t.finePerDay(),
        t.replacementCharge(),
        t.processingFee(),
        t.allowsRenewal());
  }

  boolean insert(
      String requestId,
      String patronId,
      String lenderCode,
      Instant checkoutAt,
      int loanDays,
      LocalDate dueDate) {
    return jdbc.update(
            "insert into loan (request_id, patron_id, lender_code, checkout_at, loan_days, due_date)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing",
            requestId,
            patronId,
            lenderCode,
            Timestamp.from(checkoutAt),
            loanDays,
            dueDate)
        == 1;
  }

  PatronLoan lock(String requestId) {
    return jdbc.query("select * from loan where request_id = ? for update", ROW, requestId).stream()
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no loan for " + requestId));
  }

  Optional<Renewal> renewalByDedupKey(String dedupKey) {
    return jdbc.query("select * from loan_renewal where dedup_key = ?", RENEWAL, dedupKey).stream()
        .findFirst();
  }

  void recordRenewal(Renewal r, String dedupKey) {
    jdbc.update(
        "insert into loan_renewal (request_id, renewal_id, dedup_key, requested_at, granted, reason,"
            + " message, due_before, due_after) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.requestId(),
        r.renewalId(),
        dedupKey,
        Timestamp.from(r.requestedAt()),
        r.granted(),
        r.reason(),
        r.message(),
        r.dueBefore(),
        r.dueAfter());
  }

  void renew(String requestId, LocalDate newDueDate, int renewalsUsed) {
    jdbc.update(
        "update loan set due_date = ?, renewals_used = ? where request_id = ?",
        newDueDate,
        renewalsUsed,
        requestId);
  }

  void recall(String requestId, Instant recalledAt, LocalDate newDueDate, String dedupKey) {
    jdbc.update(
        "update loan set recalled_at = ?, due_date = ?, recall_dedup_key = ? where request_id = ?",
        Timestamp.from(recalledAt),
        newDueDate,
        dedupKey,
        requestId);
  }

  String recallDedupKey(String requestId) {
    return jdbc.queryForObject(
        "select recall_dedup_key from loan where request_id = ?", String.class, requestId);
  }

  void markOverdue(String requestId, Instant at) {
    jdbc.update(
        "update loan set overdue_at = ? where request_id = ? and overdue_at is null",
        Timestamp.from(at),
        requestId);
  }

  void markReturned(String requestId, Instant at) {
    jdbc.update(
        "update loan set returned_at = ? where request_id = ? and returned_at is null",
        Timestamp.from(at),
        requestId);
  }

  void markLost(String requestId, Instant at, String kind, String note) {
    jdbc.update(
        "update loan set lost_at = ?, loss_kind = ?, loss_note = ? where request_id = ?"
            + " and lost_at is null",
        Timestamp.from(at),
        kind,
        note,
        requestId);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
