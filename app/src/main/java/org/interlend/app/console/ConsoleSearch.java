package org.interlend.app.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.interlend.app.security.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finding requests in the staff console: by request id, patron card number or name, title,
 * ISBN/ISSN, item barcode, status, our library's role (borrowing for our patron, lending or
 * supplying) and age, or by queue; paged and sorted, one query per page. Staff see the requests
 * their libraries are involved in (the patron's home library, or the lender or supplier: the same
 * parties as {@link org.interlend.requests.RequestParties}); managers and administrators see all.
 */
@Component
class ConsoleSearch {

  static final int PAGE_SIZE = 25;

  /** Work queues of the console's home page. */
  enum Queue {
    PICKUP("Awaiting pickup", "r.status = 'RECEIVED'"),
    ON_LOAN("On loan", "r.status in ('ON_LOAN', 'RECALLED')"),
    OVERDUE("Overdue", "r.status = 'OVERDUE'"),
    TRANSIT_BACK("In transit back", "r.status in ('RETURNED', 'SHIPPED_BACK')"),
    ORDERED_OVERSEAS("Ordered overseas", "r.kind = 'OVERSEAS' and r.status = 'ORDERED'"),
    NEEDS_ATTENTION("Needs attention", null);

    final String label;
    final String condition;

    Queue(String label, String condition) {
      this.label = label;
      this.condition = condition;
    }

    public String label() {
      return label;
    }
  }

  /** Our library's part in a request. */
  enum Role {
    BORROWING,
    LENDING
  }

  enum Sort {
    NEWEST("r.created_at desc, r.id desc"),
    OLDEST("r.created_at asc, r.id asc"),
    UPDATED("r.updated_at desc, r.id desc"),
    STATUS("r.status asc, r.created_at desc, r.id desc"),
    TITLE("lower(r.title) asc, r.id asc");

    final String orderBy;

    Sort(String orderBy) {
      this.orderBy = orderBy;
    }
  }

  /** What was asked for; null parts are not filtered on. */
  record Criteria(
      String text,
      String status,
      Role role,
      Integer olderThanDays,
      Queue queue,
      Sort sort,
      int page) {}

  /** One request in the results. */
  record Row(
      String requestId,
      String kind,
      String title,
      String status,
      String patronId,
      String patronName,
      String homeLibrary,
      String supplier,
      String barcode,
      LocalDate dueDate,
      Instant createdAt) {}

  record Page(List<Row> rows, long total, int page, int pages) {}

  private static final String FROM =
      " from request r join patron p on p.id = r.patron_id"
          + " left join physical_loan pl on pl.request_id = r.id"
          + " left join bib b on b.id = pl.bib_id"
          + " left join item i on i.id = pl.item_id"
          + " left join loan lo on lo.request_id = r.id"
          + " left join digital_request dr on dr.request_id = r.id"
          + " left join overseas_request orq on orq.request_id = r.id"
          + " left join library sl on sl.code = coalesce(lo.lender_code, pl.lender_code, dr.supplier)"
          + " left join overseas_partner op on op.code = orq.partner_code";

  /** The lender, supplier or overseas partner, by name. */
  private static final String SUPPLIER = "coalesce(sl.name, op.name)";

  private final JdbcTemplate jdbc;

  ConsoleSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param attention the requests with an open incident (the "needs attention" queue)
   */
  Page search(Actor actor, Criteria c, Collection<String> attention) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where true");
    visibility(actor, where, args);
    text(c.text(), where, args);
    if (c.status() != null && !c.status().isBlank()) {
      where.append(" and r.status = ?");
      args.add(c.status());
    }
    if (c.role() != null && !actor.libraries().isEmpty()) {
      String[] libraries = actor.libraries().toArray(String[]::new);
      if (c.role() == Role.BORROWING) {
        where.append(" and p.home_library = any(?)");
        args.add(libraries);
      } else {
        where.append(
            " and (pl.lender_code = any(?) or lo.lender_code = any(?) or dr.supplier = any(?))");
        args.add(libraries);
        args.add(libraries);
        args.add(libraries);
      }
    }
    if (c.olderThanDays() != null && c.olderThanDays() > 0) {
      where.append(" and r.created_at <= now() - make_interval(days => ?)");
      args.add(c.olderThanDays());
    }
    if (c.queue() != null) {
      if (c.queue() == Queue.NEEDS_ATTENTION) {
        where.append(" and r.id = any(?)");
        args.add(attention.toArray(String[]::new));
      } else {
        where.append(" and ").append(c.queue().condition);
      }
    }
    int page = Math.max(0, c.page());
    args.add(PAGE_SIZE);
    args.add(page * PAGE_SIZE);
    long[] total = {0};
    List<Row> rows =
        jdbc.query(
            "select r.id, r.kind, r.title, r.status, r.created_at, p.id as patron_id, p.name,"
                + " p.home_library, "
                + SUPPLIER
                + " as supplier, i.barcode, lo.due_date,"
                + " count(*) over () as total"
                + FROM
                + where
                + " order by "
                + (c.sort() == null ? Sort.NEWEST : c.sort()).orderBy
                + " limit ? offset ?",
            (rs, n) -> {
              total[0] = rs.getLong("total");
              return new Row(
                  rs.getString("id"),
                  rs.getString("kind"),
                  rs.getString("title"),
                  rs.getString("status"),
                  rs.getString("patron_id"),
                  rs.getString("name"),
                  rs.getString("home_library"),
                  rs.getString("supplier"),
                  rs.getString("barcode"),
                  rs.getObject("due_date", LocalDate.class),
                  instant(rs.getTimestamp("created_at")));
            },
            args.toArray());
    if (rows.isEmpty() && page > 0) {
      total[0] = count(where.toString(), args.subList(0, args.size() - 2));
    }
    int pages = (int) Math.max(1, (total[0] + PAGE_SIZE - 1) / PAGE_SIZE);
    return new Page(rows, total[0], page, pages);
  }

  /** How many requests each queue holds, for this staff member, in one query. */
  java.util.Map<Queue, Long> queueSizes(Actor actor) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where true");
    visibility(actor, where, args);
    StringBuilder select = new StringBuilder("select");
    Queue[] counted =
        java.util.Arrays.stream(Queue.values())
            .filter(q -> q.condition != null)
            .toArray(Queue[]::new);
    for (int n = 0; n < counted.length; n++) {
      select
          .append(n == 0 ? " " : ", ")
          .append("count(*) filter (where ")
          .append(counted[n].condition)
          .append(")");
    }
    return jdbc.queryForObject(
        select + FROM + where,
        (rs, n) -> {
          java.util.Map<Queue, Long> sizes = new java.util.EnumMap<>(Queue.class);
          for (int k = 0; k < counted.length; k++) {
            sizes.put(counted[k], rs.getLong(k + 1));
          }
          return sizes;
        },
        args.toArray());
  }

  /** The visible requests among these ids (for the incidents of the "needs attention" queue). */
  Set<String> visible(Actor actor, Collection<String> requestIds) {
    List<Object> args = new ArrayList<>();
    StringBuilder where = new StringBuilder(" where r.id = any(?)");
    args.add(requestIds.toArray(String[]::new));
    visibility(actor, where, args);
    return Set.copyOf(
        jdbc.queryForList("select r.id" + FROM + where, String.class, args.toArray()));
  }

  /**
   * The open loan whose item has this barcode (or, for items that have none, the overseas request's
   * id on its slip), among the requests this staff member may see.
   */
  java.util.Optional<String> openLoanByBarcode(Actor actor, String barcode) {
    List<Object> args = new ArrayList<>();
    String code = barcode.strip();
    StringBuilder where =
        new StringBuilder(
            " where lo.returned_at is null and lo.lost_at is null and lo.request_id is not null"
                + " and (i.barcode = ? or (i.barcode is null and upper(r.id) = upper(?)))");
    args.add(code);
    args.add(code);
    visibility(actor, where, args);
    return jdbc
        .queryForList(
            "select r.id" + FROM + where + " order by lo.checkout_at desc limit 1",
            String.class,
            args.toArray())
        .stream()
        .findFirst();
  }

  private long count(String where, List<Object> args) {
    Long n = jdbc.queryForObject("select count(*)" + FROM + where, Long.class, args.toArray());
    return n == null ? 0 : n;
  }

  /** Staff see the requests their libraries are involved in; managers and administrators all. */
  static void visibility(Actor actor, StringBuilder where, List<Object> args) {
    if (actor.manager() || actor.admin()) {
      return;
    }
    String[] libraries = actor.libraries().toArray(String[]::new);
    where.append(
        " and (p.home_library = any(?) or pl.lender_code = any(?) or lo.lender_code = any(?)"
            + " or dr.supplier = any(?))");
    for (int n = 0; n < 4; n++) {
      args.add(libraries);
    }
  }

  private static void text(String text, StringBuilder where, List<Object> args) {
    if (text == null || text.isBlank()) {
      return;
    }
    String q = text.strip();
    if (q.toUpperCase(Locale.ROOT).matches("R-\\d{1,18}")) {
      where.append(" and r.id = ?");
      args.add(q.toUpperCase(Locale.ROOT));
      return;
    }
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    String digits = q.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT);
    where.append(
        " and (upper(p.id) = upper(?) or p.name ilike ? or r.title ilike ? or i.barcode = ?");
    args.add(q);
    args.add(like);
    args.add(like);
    args.add(q);
    if (digits.length() >= 8) {
      where.append(
          " or ? in (upper(regexp_replace(coalesce(b.isbn, ''), '[^0-9Xx]', '', 'g')),"
              + " upper(regexp_replace(coalesce(b.issn, ''), '[^0-9Xx]', '', 'g')),"
              + " upper(regexp_replace(coalesce(dr.isbn, ''), '[^0-9Xx]', '', 'g')),"
              + " upper(regexp_replace(coalesce(dr.issn, ''), '[^0-9Xx]', '', 'g')),"
              + " upper(regexp_replace(coalesce(orq.isbn, ''), '[^0-9Xx]', '', 'g')),"
              + " upper(regexp_replace(coalesce(orq.issn, ''), '[^0-9Xx]', '', 'g')))");
      args.add(digits);
    }
    where.append(")");
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
