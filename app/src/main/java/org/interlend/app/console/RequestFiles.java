package org.interlend.app.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.interlend.lending.lifecycle.FineEntry;
import org.interlend.lending.lifecycle.FineLedger;
import org.interlend.lending.lifecycle.Loans;
import org.interlend.lending.lifecycle.PatronLoan;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.interlend.notices.Notices;
import org.interlend.overseas.Charges;
import org.interlend.overseas.OverseasLabels;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.interlend.requests.Money;
import org.interlend.requests.Request;
import org.interlend.requests.RequestEvent;
import org.interlend.requests.Requests;
import org.interlend.tasks.TaskHistory;
import org.interlend.workflows.engine.Incidents;
import org.interlend.workflows.engine.Models;
import org.interlend.workflows.engine.ProcessActivity;
import org.interlend.workflows.engine.UserTasks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers a request's file for the console: its own rows (request, citation, patron, item, lender
 * or supplier, loan, charges and fines), its timeline (status changes, notes and actions, user
 * tasks, mails) and, from the engine, what its processes are doing now. The engine part may fail on
 * its own: the rest is still shown, with the reason.
 */
@Component
class RequestFiles {

  private final JdbcTemplate jdbc;
  private final Requests requests;
  private final Patrons patrons;
  private final Libraries libraries;
  private final Loans loans;
  private final FineLedger fines;
  private final Charges charges;
  private final Notices notices;
  private final TaskHistory tasks;
  private final Models models;
  private final ProcessActivity activity;
  private final UserTasks userTasks;
  private final Incidents incidents;
  private final TaskLinks links;

  RequestFiles(
      JdbcTemplate jdbc,
      Requests requests,
      Patrons patrons,
      Libraries libraries,
      Loans loans,
      FineLedger fines,
      Charges charges,
      Notices notices,
      TaskHistory tasks,
      Models models,
      ProcessActivity activity,
      UserTasks userTasks,
      Incidents incidents,
      TaskLinks links) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.patrons = patrons;
    this.libraries = libraries;
    this.loans = loans;
    this.fines = fines;
    this.charges = charges;
    this.notices = notices;
    this.tasks = tasks;
    this.models = models;
    this.activity = activity;
    this.userTasks = userTasks;
    this.incidents = incidents;
    this.links = links;
  }

  RequestFile of(String requestId) {
    Request request = requests.get(requestId);
    Patron patron = patrons.get(request.patronId());
    List<RequestFile.Section> sections = new ArrayList<>();
    String[] barcode = {null};
    switch (request.kind()) {
      case "PHYSICAL" -> physical(requestId, sections, barcode);
      case "DIGITAL" -> digital(requestId, sections);
      case "OVERSEAS" -> overseas(requestId, sections);
      default -> {}
    }
    sections.add(
        Math.min(1, sections.size()),
        section(
            "Patron",
            fact("Name", patron.name()),
            fact("Card number", patron.id()),
            fact("Category", patron.categoryName()),
            fact("Home library", library(patron.homeLibrary())),
            fact("E-mail", patron.email()),
            fact("Account", patron.blocked() ? "blocked: " + patron.blockedReason() : "in order")));
    Optional<PatronLoan> loan = loans.find(requestId);
    loan.ifPresent(l -> sections.add(loanSection(l)));
    if (barcode[0] == null && "OVERSEAS".equals(request.kind())) {
      barcode[0] = requestId; // an overseas item carries the request's slip
    }
    return new RequestFile(
        request,
        sections,
        loan.orElse(null),
        barcode[0],
        money(requestId),
        timeline(requestId),
        now(request));
  }

  private void physical(String requestId, List<RequestFile.Section> sections, String[] barcode) {
    jdbc.query(
        "select b.title, b.author, b.isbn, b.issn, b.publisher, b.year, pl.lender_code, pl.shipped_at,"
            + " pl.received_at, pl.pickup_by, pl.checked_out_at, pl.back_at_lender_at, i.barcode,"
            + " i.call_number, i.library_code from physical_loan pl join bib b on b.id = pl.bib_id"
            + " left join item i on i.id = pl.item_id where pl.request_id = ?",
        rs -> {
          barcode[0] = rs.getString("barcode");
          sections.add(
              section(
                  "HKALL loan",
                  fact("Title", rs.getString("title")),
                  fact("Author", rs.getString("author")),
                  fact("ISBN", rs.getString("isbn")),
                  fact("ISSN", rs.getString("issn")),
                  fact("Publisher", join(rs.getString("publisher"), rs.getObject("year"))),
                  fact("Lender", library(rs.getString("lender_code"))),
                  fact(
                      "Item",
                      rs.getString("barcode") == null
                          ? null
                          : rs.getString("barcode")
                              + (rs.getString("call_number") == null
                                  ? ""
                                  : " (" + rs.getString("call_number") + ")")),
                  fact("Shipped", text(rs.getTimestamp("shipped_at"))),
                  fact("Received", text(rs.getTimestamp("received_at"))),
                  fact("Pick up by", text(rs.getObject("pickup_by"))),
                  fact("Checked out", text(rs.getTimestamp("checked_out_at"))),
                  fact("Back at the lender", text(rs.getTimestamp("back_at_lender_at")))));
        },
        requestId);
  }

  private void digital(String requestId, List<RequestFile.Section> sections) {
    jdbc.query(
        "select dr.*, dd.published_at, dd.available_until, dd.downloads, dd.max_downloads, dd.expired_at"
            + " from digital_request dr left join digital_delivery dd on dd.request_id = dr.request_id"
            + " where dr.request_id = ?",
        rs -> {
          boolean article = "ARTICLE".equals(rs.getString("kind"));
          sections.add(
              section(
                  article ? "Journal article (copy)" : "Book chapter (copy)",
                  fact(article ? "Journal" : "Book", rs.getString("title")),
                  fact("Article", rs.getString("article_title")),
                  fact("Chapter", rs.getString("chapter")),
                  fact(
                      "Volume",
                      join(
                          rs.getString("volume"),
                          rs.getString("issue") == null ? null : "no. " + rs.getString("issue"))),
                  fact(
                      "Pages",
                      rs.getObject("page_start")
                          + "–"
                          + rs.getObject("page_end")
                          + (rs.getObject("total_pages") == null
                              ? ""
                              : " of " + rs.getObject("total_pages"))),
                  fact("ISBN", rs.getString("isbn")),
                  fact("ISSN", rs.getString("issn")),
                  fact("Supplier", library(rs.getString("supplier"))),
                  fact("Delivered", text(rs.getTimestamp("published_at"))),
                  fact(
                      "Downloads",
                      rs.getObject("max_downloads") == null
                          ? null
                          : rs.getInt("downloads") + " of " + rs.getInt("max_downloads")),
                  fact("Available until", text(rs.getTimestamp("available_until")))));
        },
        requestId);
  }

  private void overseas(String requestId, List<RequestFile.Section> sections) {
    jdbc.query(
        "select o.*, p.name as partner_name from overseas_request o"
            + " left join overseas_partner p on p.code = o.partner_code where o.request_id = ?",
        rs -> {
          String currency = rs.getString("currency");
          BigDecimal estimated = rs.getBigDecimal("estimated_cost");
          sections.add(
              section(
                  "Overseas request",
                  fact("Kind", OverseasLabels.itemType(rs.getString("item_type"))),
                  fact("Title", requests.get(requestId).title()),
                  fact("Chapter or article", rs.getString("article_title")),
                  fact("Author", rs.getString("author")),
                  fact("Volume", rs.getString("volume")),
                  fact("Pages", rs.getString("pages")),
                  fact("Edition", rs.getString("edition")),
                  fact("Publisher", join(rs.getString("publisher"), rs.getObject("year"))),
                  fact("ISBN", rs.getString("isbn")),
                  fact("ISSN", rs.getString("issn")),
                  fact("Purpose", OverseasLabels.purpose(rs.getString("purpose"))),
                  fact("Patron's note", rs.getString("patron_note")),
                  fact("Partner", rs.getString("partner_name")),
                  fact(
                      "Quote",
                      estimated == null
                          ? null
                          : Money.of(currency, estimated)
                              + " = "
                              + Money.hkd(rs.getBigDecimal("cost_hkd"))),
                  fact("Format", OverseasLabels.format(rs.getString("format"))),
                  fact("Delivery estimate", rs.getString("delivery_estimate")),
                  fact("Order reference", rs.getString("order_reference")),
                  fact("Ordered", text(rs.getTimestamp("ordered_at"))),
                  fact("Arrived", text(rs.getTimestamp("arrived_at")))));
        },
        requestId);
  }

  private RequestFile.Section loanSection(PatronLoan l) {
    return section(
        "Loan",
        fact("Lender", library(l.lenderCode())),
        fact("Checked out", text(l.checkoutAt())),
        fact(
            "Due",
            l.dueDate() + (l.recalled() ? " (recalled)" : "") + (l.overdue() ? " — overdue" : "")),
        fact("Renewals", String.valueOf(l.renewalsUsed())),
        fact("Returned", text(l.returnedAt())),
        fact(
            "Lost or damaged",
            l.lostAt() == null
                ? null
                : ("DAMAGED".equals(l.lossKind()) ? "damaged, " : "lost, ") + text(l.lostAt())));
  }

  private List<RequestFile.Money> money(String requestId) {
    List<RequestFile.Money> money = new ArrayList<>();
    for (Charges.Charge c : charges.forRequest(requestId)) {
      money.add(
          new RequestFile.Money(
              "Charge: " + c.reason(),
              Money.hkd(c.amountHkd()),
              c.status().name().toLowerCase()
                  + (c.answerBy() == null || c.status() != Charges.Status.OFFERED
                      ? ""
                      : ", answer by " + c.answerBy()),
              null));
    }
    for (FineEntry f : fines.forLoan(requestId)) {
      money.add(
          new RequestFile.Money(f.description(), Money.hkd(f.amount()), "charged", f.chargedAt()));
    }
    return money;
  }

  private List<RequestFile.Entry> timeline(String requestId) {
    List<RequestFile.Entry> entries = new ArrayList<>();
    for (RequestEvent e : requests.timeline(requestId)) {
      String what =
          switch (e.kind()) {
            case STATUS -> e.status().label();
            case NOTE -> e.visibleToPatron() ? "Note (the patron sees it)" : "Note (staff only)";
            case ACTION -> "Action";
          };
      entries.add(
          new RequestFile.Entry(
              e.at(), e.kind().name(), what, e.actor(), e.note(), null, null, e.visibleToPatron()));
    }
    for (TaskHistory.TaskEvent t : tasks.of(requestId)) {
      String name =
          models
              .userTask(t.processId(), t.elementId())
              .map(Models.UserTaskModel::name)
              .orElse(t.elementId());
      String what =
          switch (t.event()) {
            case CREATED -> "Task created: " + name;
            case COMPLETED -> "Task completed: " + name;
            case CANCELED -> "Task closed by the process: " + name;
          };
      entries.add(
          new RequestFile.Entry(
              t.at(), "TASK", what, t.actor(), t.outcome(), t.note(), null, false));
    }
    for (Notices.Notice n : notices.forRequest(requestId)) {
      String state =
          switch (n.status()) {
            case "SENT" -> "Mail sent";
            case "FAILED" -> "Mail not delivered";
            default -> "Mail waiting to be sent";
          };
      entries.add(
          new RequestFile.Entry(
              n.sentAt() == null ? n.queuedAt() : n.sentAt(),
              "MAIL",
              state + " to " + n.recipient(),
              null,
              n.subject(),
              n.body(),
              n.id(),
              true));
    }
    entries.sort(
        Comparator.comparing(
            RequestFile.Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
    return entries;
  }

  private RequestFile.Now now(Request request) {
    if (request.processInstanceKey() == null) {
      return RequestFile.Now.unavailable("This request has no process.");
    }
    try {
      List<ProcessActivity.Instance> family = activity.family(request.processInstanceKey());
      List<Long> keys = family.stream().map(ProcessActivity.Instance::key).toList();
      List<String> steps = new ArrayList<>();
      for (ProcessActivity.Step s : activity.activeSteps(family)) {
        steps.add(
            models.processName(s.processId())
                + ": "
                + models.elementName(s.processId(), s.elementId()));
      }
      List<RequestFile.OpenTask> open = new ArrayList<>();
      for (UserTasks.OpenTask t : userTasks.openIn(keys)) {
        open.add(
            new RequestFile.OpenTask(
                t.key(),
                models
                    .userTask(t.bpmnProcessId(), t.elementId())
                    .map(Models.UserTaskModel::name)
                    .orElse(t.elementId()),
                links.task(t.key()),
                t.assignee(),
                String.join(", ", t.candidateGroups()),
                t.created(),
                t.dueDate()));
      }
      List<RequestFile.Incident> problems = new ArrayList<>();
      for (Incidents.Incident i : incidents.of(keys)) {
        problems.add(
            new RequestFile.Incident(
                i.key(),
                models.processName(i.processId())
                    + ": "
                    + models.elementName(i.processId(), i.elementId()),
                i.errorType(),
                i.message(),
                i.created()));
      }
      if (family.isEmpty() || family.stream().noneMatch(ProcessActivity.Instance::active)) {
        steps.add("The process has ended.");
      }
      return new RequestFile.Now(steps, open, problems, null);
    } catch (RuntimeException e) {
      return RequestFile.Now.unavailable(
          "The workflow engine could not be asked: " + e.getMessage());
    }
  }

  private String library(String code) {
    if (code == null) {
      return null;
    }
    return libraries.find(code).map(Library::name).orElse(code);
  }

  private static RequestFile.Section section(String title, RequestFile.Fact... facts) {
    List<RequestFile.Fact> shown = new ArrayList<>();
    for (RequestFile.Fact f : facts) {
      if (f.value() != null && !f.value().isBlank()) {
        shown.add(f);
      }
    }
    return new RequestFile.Section(title, shown);
  }

  private static RequestFile.Fact fact(String label, String value) {
    return new RequestFile.Fact(label, value);
  }

  private static String join(Object a, Object b) {
    if (a == null) {
      return b == null ? null : String.valueOf(b);
    }
    return b == null ? String.valueOf(a) : a + ", " + b;
  }

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
          .withZone(java.time.ZoneId.of("Asia/Hong_Kong"));

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Timestamp t) {
      return WHEN.format(t.toInstant());
    }
    if (value instanceof Instant i) {
      return WHEN.format(i);
    }
    return String.valueOf(value);
  }

  /** Which of these incidents' instances work for which request (the "needs attention" queue). */
  Map<String, List<Incidents.Incident>> byRequest(List<Incidents.Incident> open) {
    Map<Long, Optional<String>> requestOf = new LinkedHashMap<>();
    Map<String, List<Incidents.Incident>> found = new LinkedHashMap<>();
    for (Incidents.Incident i : open) {
      requestOf
          .computeIfAbsent(i.processInstanceKey(), activity::requestIdOf)
          .ifPresent(id -> found.computeIfAbsent(id, k -> new ArrayList<>()).add(i));
    }
    return found;
  }
}
