package org.interlend.copying;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivered copies and their downloads. Every download is counted in one conditional update, so of
 * any number of concurrent attempts exactly {@code max_downloads} succeed.
 */
@Service
public class DigitalDeliveries {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;

  public DigitalDeliveries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The object key of the request's delivered copy: {@code deliveries/<128 random bits>.pdf},
   * chosen on the first call and returned again on every later one (a retried job writes the same
   * object).
   */
  public String reserveKey(String requestId) {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    String fresh = "deliveries/" + HexFormat.of().formatHex(bits) + ".pdf";
    jdbc.update(
        "insert into digital_delivery (request_id, object_key) values (?, ?)"
            + " on conflict (request_id) do nothing",
        requestId,
        fresh);
    return jdbc.queryForObject(
        "select object_key from digital_delivery where request_id = ?", String.class, requestId);
  }

  /** Records the stored copy and opens its download window; a second call changes nothing. */
  public Delivery publish(
      String requestId, String sha256, long bytes, int pages, Instant until, int maxDownloads) {
    jdbc.update(
        "update digital_delivery set sha256 = ?, bytes = ?, pages = ?, published_at = now(),"
            + " available_until = ?, max_downloads = ? where request_id = ? and published_at is null",
        sha256,
        bytes,
        pages,
        Timestamp.from(until),
        maxDownloads,
        requestId);
    return get(requestId);
  }

  /** Closes the window; returns the object key to delete. */
  public Optional<String> expire(String requestId) {
    jdbc.update(
        "update digital_delivery set expired_at = now() where request_id = ? and expired_at is null",
        requestId);
    return find(requestId).map(Delivery::objectKey);
  }

  /** Counts one download if the window is open and downloads are left. */
  @Transactional
  public DownloadClaim claim(String requestId) {
    List<Object[]> granted =
        jdbc.query(
            "update digital_delivery set downloads = downloads + 1"
                + " where request_id = ? and published_at is not null and expired_at is null"
                + " and available_until > now() and downloads < max_downloads"
                + " returning object_key, downloads, max_downloads, available_until",
            (rs, i) ->
                new Object[] {
                  rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant()
                },
            requestId);
    if (!granted.isEmpty()) {
      Object[] g = granted.get(0);
      jdbc.update(
          "insert into digital_download (request_id, number) values (?, ?)", requestId, g[1]);
      return new DownloadClaim.Granted((String) g[0], (int) g[1], (int) g[2], (Instant) g[3]);
    }
    return refusal(requestId)
        .orElseGet(() -> new DownloadClaim.LimitReached(get(requestId).maxDownloads()));
  }

  /** Why the copy cannot be downloaded now (read only, counts nothing); empty if it can. */
  public Optional<DownloadClaim> refusal(String requestId) {
    Optional<Delivery> delivery = find(requestId);
    if (delivery.isEmpty() || !delivery.get().published()) {
      return Optional.of(new DownloadClaim.NotDelivered());
    }
    Delivery d = delivery.get();
    if (d.expiredAt() != null || !d.availableUntil().isAfter(Instant.now())) {
      return Optional.of(new DownloadClaim.Expired(d.availableUntil()));
    }
    if (d.downloads() >= d.maxDownloads()) {
      return Optional.of(new DownloadClaim.LimitReached(d.maxDownloads()));
    }
    return Optional.empty();
  }

  public Optional<Delivery> find(String requestId) {
    return jdbc
        .query(
            "select * from digital_delivery where request_id = ?",
            DigitalDeliveries::row,
            requestId)
        .stream()
        .findFirst();
  }

  public Delivery get(String requestId) {
    return find(requestId)
        .orElseThrow(() -> new IllegalArgumentException("no delivery for " + requestId));
  }

  private static Delivery row(ResultSet rs, int i) throws SQLException {
    return new Delivery(
        rs.getString("request_id"),
        rs.getString("object_key"),
        rs.getString("sha256"),
        (Long) rs.getObject("bytes"),
        (Integer) rs.getObject("pages"),
        instant(rs.getTimestamp("published_at")),
        instant(rs.getTimestamp("available_until")),
        (Integer) rs.getObject("max_downloads"),
        rs.getInt("downloads"),
        instant(rs.getTimestamp("expired_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
