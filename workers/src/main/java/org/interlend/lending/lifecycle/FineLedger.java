package org.interlend.lending.lifecycle;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The fines ledger (table {@code fine}): overdue fines and loss charges per patron. A loan has at
 * most one entry of each kind, so charging again (a retried job) changes nothing.
 */
@Service
public class FineLedger {

  public static final String OVERDUE = "OVERDUE";
  public static final String REPLACEMENT = "REPLACEMENT";
  public static final String PROCESSING_FEE = "PROCESSING_FEE";

  private static final RowMapper<FineEntry> ROW =
      (rs, i) ->
          new FineEntry(
              rs.getLong("id"),
              rs.getString("patron_id"),
              rs.getString("request_id"),
              rs.getString("kind"),
              rs.getBigDecimal("amount"),
              rs.getString("description"),
              rs.getTimestamp("charged_at").toInstant());

  private final JdbcTemplate jdbc;

  public FineLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The patron's ledger, oldest first, with the total. */
  public FineStatement statement(String patronId) {
    List<FineEntry> entries =
        jdbc.query("select * from fine where patron_id = ? order by charged_at, id", ROW, patronId);
    BigDecimal total =
        entries.stream().map(FineEntry::amount).reduce(new BigDecimal("0.00"), BigDecimal::add);
    return new FineStatement(patronId, total, entries);
  }

  /** The charges on one loan, oldest first. */
  public List<FineEntry> forLoan(String requestId) {
    return jdbc.query("select * from fine where request_id = ? order by id", ROW, requestId);
  }

  /**
   * Charges {@code amount} of {@code kind} on the loan unless that loan already has such a charge
   * (or the amount is zero).
   *
   * @return true if charged now
   */
  boolean charge(
      String patronId,
      String requestId,
      String kind,
      BigDecimal amount,
      String description,
      Instant at) {
    if (amount.signum() <= 0) {
      return false;
    }
    return jdbc.update(
            "insert into fine (patron_id, request_id, kind, amount, description, charged_at)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (request_id, kind) do nothing",
            patronId,
            requestId,
            kind,
            amount,
            description,
            Timestamp.from(at))
        == 1;
  }
}
