package org.interlend.app.console;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One line about each of some requests (title, patron, home library, status), read in one query:
 * what the staff desk's task rows and the console's lists show beside a task or an incident.
 */
@Component
public class RequestSummaries {

  /** A request in a line. */
  public record Summary(
      String requestId,
      String kind,
      String title,
      String status,
      String patronId,
      String patronName,
      String homeLibrary) {}

  private final JdbcTemplate jdbc;

  RequestSummaries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The summaries of the requests with these ids that exist, by id. */
  public Map<String, Summary> of(Collection<String> requestIds) {
    Map<String, Summary> found = new LinkedHashMap<>();
    if (requestIds.isEmpty()) {
      return found;
    }
    jdbc.query(
        "select r.id, r.kind, r.title, r.status, p.id as patron_id, p.name, p.home_library"
            + " from request r join patron p on p.id = r.patron_id where r.id = any(?)",
        rs -> {
          found.put(
              rs.getString("id"),
              new Summary(
                  rs.getString("id"),
                  rs.getString("kind"),
                  rs.getString("title"),
                  rs.getString("status"),
                  rs.getString("patron_id"),
                  rs.getString("name"),
                  rs.getString("home_library")));
        },
        (Object) requestIds.toArray(String[]::new));
    return found;
  }
}
