package org.interlend.patrons;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrons and their loan quota. Interlibrary requests count against the home loan quota: a slot is
 * held by a request from acceptance until the item goes back (or the request ends), exactly once
 * per request, even when jobs are retried or requests race.
 */
@Service
public class Patrons {

  private static final RowMapper<Patron> ROW =
      (rs, i) ->
          new Patron(
              rs.getString("id"),
              rs.getString("name"),
              rs.getString("email"),
              rs.getString("category"),
              rs.getString("category_name"),
              rs.getString("home_library"),
              rs.getBoolean("blocked"),
              rs.getString("blocked_reason"),
              rs.getInt("loans_in_use"),
              rs.getInt("quota"),
              rs.getInt("loan_days"));

  private static final String SELECT =
      "select p.*, c.name as category_name, c.quota, c.loan_days"
          + " from patron p join patron_category c on c.code = p.category";

  private final JdbcTemplate jdbc;

  public Patrons(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Patron> find(String id) {
    return jdbc.query(SELECT + " where p.id = ?", ROW, id).stream().findFirst();
  }

  public Patron get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no patron " + id));
  }

  public List<Patron> all() {
    return jdbc.query(SELECT + " order by p.id", ROW);
  }

  /**
   * Holds one quota slot for the request. Idempotent: a request that already holds its slot keeps
   * it and gets true again. Exact under concurrency: the patron's row is updated only while a slot
   * is free, so of N racing requests for the last slot exactly one gets it.
   *
   * @return true if the request holds a slot now, false if the quota is used up
   */
  @Transactional
  public boolean holdQuota(String requestId) {
    Boolean held =
        jdbc.queryForObject(
            "select quota_held from request where id = ? for update", Boolean.class, requestId);
    if (Boolean.TRUE.equals(held)) {
      return true;
    }
    int taken =
        jdbc.update(
            "update patron p set loans_in_use = p.loans_in_use + 1 from patron_category c"
                + " where p.id = (select patron_id from request where id = ?)"
                + " and c.code = p.category and p.loans_in_use < c.quota",
            requestId);
    if (taken == 0) {
      return false;
    }
    jdbc.update("update request set quota_held = true where id = ?", requestId);
    return true;
  }

  /** Gives the request's slot back. Idempotent: a second release changes nothing. */
  @Transactional
  public boolean releaseQuota(String requestId) {
    int released =
        jdbc.update(
            "update request set quota_held = false where id = ? and quota_held", requestId);
    if (released == 0) {
      return false;
    }
    jdbc.update(
        "update patron set loans_in_use = greatest(loans_in_use - 1, 0)"
            + " where id = (select patron_id from request where id = ?)",
        requestId);
    return true;
  }
}
