package org.interlend.notices;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * E-mail notices to patrons and staff, through an outbox: {@link #send} records the notice (once
 * per key: a job delivered twice finds it recorded and adds nothing) and returns at once; the
 * {@link NoticeDispatcher} sends it, retrying for hours while the mail server is down. A mail that
 * cannot be sent never holds up the loan or delivery it reports on.
 */
@Service
public class Notices {

  private final JdbcTemplate jdbc;
  private final NoticeDispatcher dispatcher;

  public Notices(JdbcTemplate jdbc, NoticeDispatcher dispatcher) {
    this.jdbc = jdbc;
    this.dispatcher = dispatcher;
  }

  /**
   * Records the notice for sending unless one with this key was recorded before.
   *
   * @return true if it was recorded now, false if it had been recorded already
   */
  public boolean send(String key, String to, String subject, String body) {
    return send(key, null, to, subject, body);
  }

  /**
   * {@link #send(String, String, String, String)} for a notice about a request: it is listed in the
   * request's history.
   */
  public boolean send(String key, String requestId, String to, String subject, String body) {
    int recorded =
        jdbc.update(
            "insert into notice (dedup_key, request_id, recipient, subject, body) values (?, ?, ?, ?, ?)"
                + " on conflict (dedup_key) do nothing",
            key,
            requestId,
            to,
            subject,
            body);
    if (recorded > 0) {
      dispatcher.wakeUp();
    }
    return recorded > 0;
  }

  public int countSent(String key) {
    return jdbc.queryForObject(
        "select count(*) from notice where dedup_key = ? and status = 'SENT'", Integer.class, key);
  }

  /** One notice as the outbox holds it. */
  public record Notice(
      long id,
      String key,
      String recipient,
      String subject,
      String body,
      String status,
      java.time.Instant queuedAt,
      java.time.Instant sentAt,
      int attempts,
      String lastError) {}

  private static final String COLUMNS =
      "id, dedup_key, recipient, subject, body, status, queued_at, sent_at, attempts, last_error";

  /** The newest notices first, a page at a time. */
  public List<Notice> recent(int offset, int limit) {
    return jdbc.query(
        "select " + COLUMNS + " from notice order by id desc offset ? limit ?", ROW, offset, limit);
  }

  /** The notices about a request, oldest first. */
  public List<Notice> forRequest(String requestId) {
    return jdbc.query(
        "select " + COLUMNS + " from notice where request_id = ? order by id", ROW, requestId);
  }

  /**
   * Sends a notice of the request again, as it was written, to the same recipient: once per {@code
   * key} (a form submitted twice resends once).
   *
   * @return the new notice, or empty if the request has no such notice
   */
  public Optional<Notice> resend(String requestId, long noticeId, String key) {
    int recorded =
        jdbc.update(
            "insert into notice (dedup_key, request_id, recipient, subject, body)"
                + " select ?, request_id, recipient, subject, body from notice"
                + " where id = ? and request_id = ? on conflict (dedup_key) do nothing",
            key,
            noticeId,
            requestId);
    if (recorded > 0) {
      dispatcher.wakeUp();
    }
    return jdbc
        .query(
            "select " + COLUMNS + " from notice where dedup_key = ? and request_id = ?",
            ROW,
            key,
            requestId)
        .stream()
        .findFirst();
  }

  private static final RowMapper<Notice> ROW =
      (rs, i) ->
          new Notice(
              rs.getLong(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getTimestamp(7).toInstant(),
              Optional.ofNullable(rs.getTimestamp(8))
                  .map(java.sql.Timestamp::toInstant)
                  .orElse(null),
              rs.getInt(9),
              rs.getString(10));
}
