package org.interlend.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** The union catalogue of the consortium: search by title, author or ISBN, and holdings. */
@Service
public class Catalogue {

  private static final RowMapper<Bib> BIB =
      (rs, i) ->
          new Bib(
              rs.getLong("id"),
              rs.getString("title"),
              rs.getString("author"),
              rs.getString("isbn"),
              rs.getString("issn"),
              rs.getString("publisher"),
              (Integer) rs.getObject("year"));

  private static final RowMapper<Item> ITEM =
      (rs, i) ->
          new Item(
              rs.getLong("id"),
              rs.getLong("bib_id"),
              rs.getString("library_code"),
              rs.getString("barcode"),
              rs.getString("format"),
              rs.getString("collection"),
              rs.getString("status"),
              rs.getBoolean("not_for_loan"),
              rs.getString("call_number"));

  private final JdbcTemplate jdbc;

  public Catalogue(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Titles whose title or author contains the words, or whose ISBN/ISSN is the query (hyphens
   * ignored).
   */
  public List<Bib> search(String query, int limit) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      return List.of();
    }
    String digits = q.replaceAll("[\\s-]", "");
    String like = "%" + q.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.query(
        "select * from bib where lower(title) like ? or lower(author) like ?"
            + " or replace(isbn, '-', '') = ? or replace(issn, '-', '') = ? order by title limit ?",
        BIB,
        like,
        like,
        digits,
        digits,
        Math.max(1, Math.min(limit, 100)));
  }

  public Optional<Bib> bib(long id) {
    return jdbc.query("select * from bib where id = ?", BIB, id).stream().findFirst();
  }

  /** The copies of a title as they stand now (the JVM's clock; workers pass the engine's). */
  public List<Item> items(long bibId) {
    return items(bibId, java.time.Instant.now());
  }

  /**
   * The copies of a title as they stand at {@code at}: a copy a lender marked missing or checked
   * out when refusing a request counts as available again once its mark has lapsed ({@code
   * status_until}).
   */
  public List<Item> items(long bibId, java.time.Instant at) {
    return jdbc.query(
        "select i.id, i.bib_id, i.library_code, i.barcode, i.format, i.collection, i.not_for_loan,"
            + " i.call_number, case when i.status in ('MISSING', 'CHECKED_OUT')"
            + " and i.status_until is not null and i.status_until <= ? then 'AVAILABLE'"
            + " else i.status end as status"
            + " from item i join library l on l.code = i.library_code"
            + " where i.bib_id = ? order by l.rota_rank, i.id",
        ITEM,
        java.sql.Timestamp.from(at),
        bibId);
  }

  public Optional<Item> item(long id) {
    return jdbc.query("select * from item where id = ?", ITEM, id).stream().findFirst();
  }

  public void setStatus(long itemId, String status) {
    jdbc.update("update item set status = ? where id = ?", status, itemId);
  }
}
