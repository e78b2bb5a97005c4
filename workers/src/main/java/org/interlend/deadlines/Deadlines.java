package org.interlend.deadlines;

import java.time.Instant;
import java.util.List;
import org.interlend.calendar.Calendars;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Deadlines of staff tasks: the working days each task may take (table {@code task_deadline}: a
 * default row per task, optionally a row per library that overrides it), counted on the calendar of
 * the library whose staff hold the task.
 */
@Service
public class Deadlines {

  private static final RowMapper<DeadlineSetting> ROW =
      (rs, i) ->
          new DeadlineSetting(
              rs.getString("task"),
              rs.getString("task_name"),
              rs.getString("library_code"),
              rs.getInt("remind_after"),
              rs.getInt("escalate_after"));

  private final JdbcTemplate jdbc;
  private final Calendars calendars;

  public Deadlines(JdbcTemplate jdbc, Calendars calendars) {
    this.jdbc = jdbc;
    this.calendars = calendars;
  }

  /**
   * The setting for a task at a library: the library's own row, else the default row.
   *
   * @throws IllegalStateException when the task has no row at all (a model names an unknown task)
   */
  public DeadlineSetting setting(String task, String libraryCode) {
    List<DeadlineSetting> rows =
        jdbc.query(
            "select * from task_deadline where task = ? and (library_code = ? or library_code is null)"
                + " order by library_code nulls last limit 1",
            ROW,
            task,
            libraryCode);
    if (rows.isEmpty()) {
      throw new IllegalStateException(
          "no deadline for task " + task + " in table task_deadline (add a default row for it)");
    }
    return rows.get(0);
  }

  /** Every setting, defaults first, for screens and docs. */
  public List<DeadlineSetting> settings() {
    return jdbc.query("select * from task_deadline order by task, library_code nulls first", ROW);
  }

  /**
   * The deadlines of {@code task} started at {@code startedAt}, held by {@code libraryCode}'s
   * staff.
   */
  public Deadline deadline(String task, String libraryCode, Instant startedAt) {
    DeadlineSetting s = setting(task, libraryCode);
    return Deadline.of(startedAt, s.remindAfter(), s.escalateAfter(), calendars.of(libraryCode));
  }
}
