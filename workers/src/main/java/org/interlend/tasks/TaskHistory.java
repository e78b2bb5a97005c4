package org.interlend.tasks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Which user tasks a request had: when each was created, and when and by whom it was completed,
 * with its outcome and note (or that its process moved on without it). Written by the tasks'
 * listeners, so completions in Tasklist and in the local desk alike land here.
 */
@Service
public class TaskHistory {

  /** What happened to a task. */
  public enum Event {
    CREATED,
    COMPLETED,
    CANCELED
  }

  /** One task event of a request. */
  public record TaskEvent(
      long userTaskKey,
      String processId,
      String elementId,
      Event event,
      String actor,
      String outcome,
      String note,
      Instant at) {}

  private final JdbcTemplate jdbc;

  public TaskHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the event once per {@code dedupKey}; nothing for a request that does not exist (a
   * process started without a request row, as the smoke check is).
   *
   * @return true if recorded now
   */
  public boolean record(
      String requestId,
      long userTaskKey,
      String processId,
      String elementId,
      Event event,
      String actor,
      String outcome,
      String note,
      String dedupKey) {
    return jdbc.update(
            "insert into request_task (request_id, user_task_key, process_id, element_id, event, actor,"
                + " outcome, note, dedup_key)"
                + " select id, ?, ?, ?, ?, ?, ?, ?, ? from request where id = ?"
                + " on conflict (dedup_key) do nothing",
            userTaskKey,
            processId,
            elementId,
            event.name(),
            actor,
            outcome,
            note,
            dedupKey,
            requestId)
        > 0;
  }

  /** The request's task events, oldest first. */
  public List<TaskEvent> of(String requestId) {
    return jdbc.query(
        "select user_task_key, process_id, element_id, event, actor, outcome, note, at"
            + " from request_task where request_id = ? order by id",
        (rs, i) ->
            new TaskEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Event.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                toInstant(rs.getTimestamp(8))),
        requestId);
  }

  private static Instant toInstant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
