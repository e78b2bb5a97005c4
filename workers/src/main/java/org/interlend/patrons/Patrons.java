package org.interlend.patrons;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.interlend.texts.PatronTexts;
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
              rs.getInt("loan_days"),
              rs.getInt("hkall_in_use"),
              rs.getInt("hkall_cap"));

  private static final String SELECT =
      "select p.*, c.name as category_name, c.quota, c.loan_days, c.hkall_cap"
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

  /**
   * The patron's language: the one they last chose in the portal, else their home library's default
   * ("en" or "zh-TW"); English for an unknown patron.
   */
  public Locale language(String patronId) {
    return PatronTexts.locale(
        jdbc
            .query(
                "select coalesce(p.language, l.default_language) from patron p"
                    + " join library l on l.code = p.home_library where p.id = ?",
                (rs, i) -> rs.getString(1),
                patronId)
            .stream()
            .findFirst()
            .orElse("en"));
  }

  /** The language the patron chose, if they ever chose one. */
  public Optional<Locale> chosenLanguage(String patronId) {
    return jdbc
        .query("select language from patron where id = ?", (rs, i) -> rs.getString(1), patronId)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .map(PatronTexts::locale);
  }

  /**
   * Keeps the language the patron chose ("en" or "zh-TW"; any Chinese counts as Traditional
   * Chinese). Returns false if there is no such patron.
   */
  public boolean setLanguage(String patronId, Locale language) {
    return jdbc.update(
            "update patron set language = ? where id = ?", PatronTexts.tag(language), patronId)
        > 0;
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

  /** Why an HKALL request got no slot. */
  public enum HkallRefusal {
    /** The category's HKALL limit is reached. */
    HKALL_CAP,
    /** The home loan quota is used up. */
    HOME_QUOTA
  }

  /**
   * Holds one slot of the home quota and one of the HKALL cap for an HKALL request, both or
   * neither. Idempotent and exact under concurrency like {@link #holdQuota}.
   *
   * @return empty if the request holds its slots now, else which limit refused it
   */
  @Transactional
  public java.util.Optional<HkallRefusal> holdHkallQuota(String requestId) {
    Boolean held =
        jdbc.queryForObject(
            "select quota_held and hkall_held from request where id = ? for update",
            Boolean.class,
            requestId);
    if (Boolean.TRUE.equals(held)) {
      return java.util.Optional.empty();
    }
    int taken =
        jdbc.update(
            "update patron p set loans_in_use = p.loans_in_use + 1, hkall_in_use = p.hkall_in_use + 1"
                + " from patron_category c where p.id = (select patron_id from request where id = ?)"
                + " and c.code = p.category and p.loans_in_use < c.quota"
                + " and p.hkall_in_use < c.hkall_cap",
            requestId);
    if (taken == 0) {
      Patron p =
          jdbc.query(
                  SELECT + " where p.id = (select patron_id from request where id = ?)",
                  ROW,
                  requestId)
              .get(0);
      return java.util.Optional.of(
          p.hkallInUse() >= p.hkallCap() ? HkallRefusal.HKALL_CAP : HkallRefusal.HOME_QUOTA);
    }
    jdbc.update("update request set quota_held = true, hkall_held = true where id = ?", requestId);
    return java.util.Optional.empty();
  }

  /**
   * Gives the request's slot back (and its HKALL slot, if it holds one). Idempotent: a second
   * release changes nothing.
   */
  @Transactional
  public boolean releaseQuota(String requestId) {
    java.util.Map<String, Object> held =
        jdbc.queryForMap(
            "select quota_held, hkall_held from request where id = ? for update", requestId);
    if (!Boolean.TRUE.equals(held.get("quota_held"))) {
      return false;
    }
    boolean hkall = Boolean.TRUE.equals(held.get("hkall_held"));
    jdbc.update(
        "update request set quota_held = false, hkall_held = false where id = ?", requestId);
    jdbc.update(
        "update patron set loans_in_use = greatest(loans_in_use - 1, 0),"
            + " hkall_in_use = greatest(hkall_in_use - ?, 0)"
            + " where id = (select patron_id from request where id = ?)",
        hkall ? 1 : 0,
        requestId);
    return true;
  }
}
