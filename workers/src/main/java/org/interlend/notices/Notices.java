package org.interlend.notices;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
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
    int recorded =
        jdbc.update(
            "insert into notice (dedup_key, recipient, subject, body) values (?, ?, ?, ?)"
                + " on conflict (dedup_key) do nothing",
            key,
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

  /** The newest notices first, a page at a time. */
  public List<Notice> recent(int offset, int limit) {
    return jdbc.query(
        "select id, dedup_key, recipient, subject, body, status, queued_at, sent_at, attempts,"
            + " last_error from notice order by id desc offset ? limit ?",
        (rs, i) ->
            new Notice(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                Optional.ofNullable(rs.getTimestamp(8)).map(java.sql.Timestamp::toInstant).orElse(null),
                rs.getInt(9),
                rs.getString(10)),
        offset,
        limit);
  }
}
