package org.interlend.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The libraries' calendars (table {@code library_closed_day} and {@code library.closed_weekdays}):
 * read by every rule that counts days, edited by staff in the staff console.
 */
@Service
public class Calendars {

  private final JdbcTemplate jdbc;

  public Calendars(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The calendar of a library; a library with no row at all is always open. */
  public LibraryCalendar of(String libraryCode) {
    Set<LocalDate> closed =
        new HashSet<>(
            jdbc.queryForList(
                "select day from library_closed_day where library_code = ?",
                LocalDate.class,
                libraryCode));
    List<String> weekly =
        jdbc.queryForList(
            "select closed_weekdays from library where code = ?", String.class, libraryCode);
    return new LibraryCalendar(closed, weekdays(weekly.isEmpty() ? "" : weekly.get(0)));
  }

  static Set<DayOfWeek> weekdays(String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (text != null) {
      Arrays.stream(text.split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(s -> days.add(DayOfWeek.valueOf(s.toUpperCase(java.util.Locale.ROOT))));
    }
    return days;
  }

  /** A library's closed days in a year, in order. */
  public List<ClosedDay> closedDays(String libraryCode, int year) {
    return jdbc.query(
        "select library_code, day, reason from library_closed_day where library_code = ?"
            + " and day >= ? and day < ? order by day",
        (rs, i) ->
            new ClosedDay(
                rs.getString("library_code"),
                rs.getObject("day", LocalDate.class),
                rs.getString("reason")),
        libraryCode,
        LocalDate.of(year, 1, 1),
        LocalDate.of(year + 1, 1, 1));
  }

  /**
   * Closes the library on {@code day}; closing it again changes only the reason.
   *
   * @throws IllegalArgumentException for a blank reason or an unknown library
   */
  public void close(String libraryCode, LocalDate day, String reason, String by) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("say why the library is closed on " + day);
    }
    if (reason.strip().length() > 200) {
      throw new IllegalArgumentException("the reason is longer than 200 characters");
    }
    Integer known =
        jdbc.queryForObject(
            "select count(*) from library where code = ?", Integer.class, libraryCode);
    if (known == null || known == 0) {
      throw new IllegalArgumentException("no library " + libraryCode);
    }
    jdbc.update(
        "insert into library_closed_day (library_code, day, reason, changed_by) values (?, ?, ?, ?)"
            + " on conflict (library_code, day) do update set reason = excluded.reason,"
            + " changed_by = excluded.changed_by, changed_at = now()",
        libraryCode,
        day,
        reason.strip(),
        by);
  }

  /** Opens the library again on {@code day}; true if it was closed. */
  public boolean reopen(String libraryCode, LocalDate day) {
    return jdbc.update(
            "delete from library_closed_day where library_code = ? and day = ?", libraryCode, day)
        == 1;
  }
}
