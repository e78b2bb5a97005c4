package org.interlend.statistics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.interlend.calendar.Calendars;
import org.interlend.calendar.LibraryCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Turnaround and fill rate per supplier and service against the promised times, over the requests
 * placed in a window: for the managers' statistics page and the {@code interlend_*} metrics.
 *
 * <ul>
 *   <li>HKALL: per lender, from its asks to pull and ship ({@code lender_ask}): filled = shipped,
 *       not filled = refused or not answered in time; turnaround of a shipped request = working
 *       days (of the patron's home library) from the request to RECEIVED.
 *   <li>Digital: per supplying library ({@code digital_request.supplier}, the last asked): filled =
 *       DELIVERED, not filled = UNFILLED; turnaround to DELIVERED in working days.
 *   <li>Local partners and overseas: per partner (a partner in Hong Kong is local): filled =
 *       RECEIVED or DELIVERED, not filled = UNFILLED after sourcing; turnaround in working days
 *       (local) or calendar days (overseas).
 * </ul>
 */
@Service
public class TurnaroundStatistics {

  /** One request as the statistics see it. */
  record Row(
      org.interlend.statistics.Service service,
      String supplier,
      String supplierName,
      String homeLibrary,
      Instant placedAt,
      Instant readyAt,
      boolean filled,
      boolean notFilled) {}

  private final JdbcTemplate jdbc;
  private final Calendars calendars;

  public TurnaroundStatistics(JdbcTemplate jdbc, Calendars calendars) {
    this.jdbc = jdbc;
    this.calendars = calendars;
  }

  /** Figures of every supplier and service with requests placed since {@code since}. */
  public List<ServiceFigures> since(Instant since) {
    List<Row> rows = new ArrayList<>();
    Timestamp from = Timestamp.from(since);
    rows.addAll(
        jdbc.query(
            "select a.lender_code as supplier, l.name as supplier_name, p.home_library, r.created_at,"
                + " (select min(e.at) from request_event e where e.request_id = r.id and e.status = 'RECEIVED')"
                + " as ready_at, a.outcome"
                + " from lender_ask a join request r on r.id = a.request_id"
                + " join patron p on p.id = r.patron_id join library l on l.code = a.lender_code"
                + " where r.created_at >= ? and coalesce(a.outcome, '') <> 'CANCELLED'",
            (rs, i) ->
                new Row(
                    org.interlend.statistics.Service.HKALL,
                    rs.getString("supplier"),
                    rs.getString("supplier_name"),
                    rs.getString("home_library"),
                    rs.getTimestamp("created_at").toInstant(),
                    instant(rs.getTimestamp("ready_at")),
                    "SHIPPED".equals(rs.getString("outcome")),
                    "REFUSED".equals(rs.getString("outcome"))
                        || "LATE".equals(rs.getString("outcome"))),
            from));
    rows.addAll(
        jdbc.query(
            "select d.supplier, l.name as supplier_name, p.home_library, r.created_at, r.status,"
                + " (select min(e.at) from request_event e where e.request_id = r.id and e.status = 'DELIVERED')"
                + " as ready_at"
                + " from digital_request d join request r on r.id = d.request_id"
                + " join patron p on p.id = r.patron_id join library l on l.code = d.supplier"
                + " where r.kind = 'DIGITAL' and r.created_at >= ?",
            (rs, i) -> row(org.interlend.statistics.Service.DIGITAL, rs),
            from));
    rows.addAll(
        jdbc.query(
            "select o.partner_code as supplier, op.name as supplier_name, op.country,"
                + " p.home_library, r.created_at, r.status,"
                + " (select min(e.at) from request_event e where e.request_id = r.id"
                + " and e.status in ('RECEIVED', 'DELIVERED')) as ready_at"
                + " from overseas_request o join request r on r.id = o.request_id"
                + " join patron p on p.id = r.patron_id join overseas_partner op on op.code = o.partner_code"
                + " where r.created_at >= ?",
            (rs, i) ->
                row(
                    "HK".equals(rs.getString("country"))
                        ? org.interlend.statistics.Service.LOCAL
                        : org.interlend.statistics.Service.OVERSEAS,
                    rs),
            from));
    return aggregate(rows);
  }

  /** Figures of the last {@code days} days, as of now. */
  public List<ServiceFigures> lastDays(int days) {
    return since(Instant.now().minus(Duration.ofDays(days)));
  }

  private static Row row(org.interlend.statistics.Service service, java.sql.ResultSet rs)
      throws java.sql.SQLException {
    Instant ready = instant(rs.getTimestamp("ready_at"));
    return new Row(
        service,
        rs.getString("supplier"),
        rs.getString("supplier_name"),
        rs.getString("home_library"),
        rs.getTimestamp("created_at").toInstant(),
        ready,
        ready != null,
        ready == null && "UNFILLED".equals(rs.getString("status")));
  }

  List<ServiceFigures> aggregate(List<Row> rows) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    rows.stream()
        .sorted(Comparator.comparing((Row r) -> r.service().ordinal()).thenComparing(Row::supplier))
        .forEach(
            r ->
                groups
                    .computeIfAbsent(r.service() + "/" + r.supplier(), k -> new ArrayList<>())
                    .add(r));
    Map<String, LibraryCalendar> calendarCache = new HashMap<>();
    List<ServiceFigures> out = new ArrayList<>();
    for (List<Row> group : groups.values()) {
      Row first = group.get(0);
      org.interlend.statistics.Service service = first.service();
      int filled = 0;
      int notFilled = 0;
      int within = 0;
      List<Long> days = new ArrayList<>();
      for (Row r : group) {
        if (r.filled()) {
          filled++;
          if (r.readyAt() != null) {
            long d = turnaround(service, r, calendarCache);
            days.add(d);
            if (d <= service.promisedDays()) {
              within++;
            }
          }
        } else if (r.notFilled()) {
          notFilled++;
        }
      }
      out.add(
          new ServiceFigures(
              service,
              first.supplier(),
              first.supplierName(),
              group.size(),
              filled,
              notFilled,
              filled + notFilled == 0 ? null : (double) filled / (filled + notFilled),
              median(days),
              within,
              days.isEmpty() ? null : (double) within / days.size()));
    }
    return out;
  }

  private long turnaround(
      org.interlend.statistics.Service service, Row r, Map<String, LibraryCalendar> cache) {
    LocalDate placed = LibraryCalendar.dateOf(r.placedAt());
    LocalDate ready = LibraryCalendar.dateOf(r.readyAt());
    if (!service.workingDays()) {
      return Math.max(0, ChronoUnit.DAYS.between(placed, ready));
    }
    LibraryCalendar calendar = cache.computeIfAbsent(r.homeLibrary(), calendars::of);
    return calendar.workingDaysBetween(placed, ready);
  }

  static Double median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
