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

  /** Titles whose title or author contains the words, or whose ISBN/ISSN is the query (hyphens ignored). */
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

  public List<Item> items(long bibId) {
    return jdbc.query(
        "select i.* from item i join library l on l.code = i.library_code"
            + " where i.bib_id = ? order by l.rota_rank, i.id",
        ITEM,
        bibId);
  }

  public Optional<Item> item(long id) {
    return jdbc.query("select * from item where id = ?", ITEM, id).stream().findFirst();
  }

  public void setStatus(long itemId, String status) {
    jdbc.update("update item set status = ? where id = ?", status, itemId);
  }
}
