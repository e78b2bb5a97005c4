package org.interlend.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.interlend.texts.PatronTexts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests and their status history. */
@Service
public class Requests {

  private static final RowMapper<Request> ROW =
      (rs, i) ->
          new Request(
              rs.getString("id"),
              rs.getString("kind"),
              rs.getString("patron_id"),
              rs.getString("title"),
              RequestStatus.valueOf(rs.getString("status")),
              (Long) rs.getObject("process_instance_key"),
              rs.getBoolean("quota_held"),
              rs.getTimestamp("created_at").toInstant(),
              rs.getTimestamp("updated_at").toInstant());

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final PatronTexts texts;

  public Requests(JdbcTemplate jdbc, PatronTexts texts) {
    this.jdbc = jdbc;
    this.texts = texts;
  }

  /** A note as stored: its English text, and its code and arguments if it is a coded text. */
  private record Note(String text, String code, String args) {}

  private Note note(Object note) {
    if (note == null) {
      return new Note(null, null, null);
    }
    return texts
        .coded(note)
        .map(
            c -> {
              try {
                return new Note(
                    texts.text(c.code(), c.args(), Locale.ENGLISH),
                    c.code(),
                    JSON.writeValueAsString(c.args()));
              } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("note arguments are not JSON: " + c.args(), e);
              }
            })
        .orElseGet(() -> new Note(String.valueOf(note), null, null));
  }

  /** The stored code of a note, or null when it has none or the texts no longer know it. */
  @SuppressWarnings("unchecked")
  private PatronTexts.Coded coded(String code, String args) {
    if (code == null || !texts.has(code)) {
      return null; // shown as its English text
    }
    try {
      return new PatronTexts.Coded(code, args == null ? Map.of() : JSON.readValue(args, Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bad note arguments " + args, e);
    }
  }

  /** Creates a request in status REQUESTED, recorded as placed by the patron. */
  @Transactional
  public Request create(String kind, String patronId, String title) {
    String id = "R-" + jdbc.queryForObject("select nextval('request_number')", Long.class);
    jdbc.update(
        "insert into request (id, kind, patron_id, title, status) values (?, ?, ?, ?, ?)",
        id,
        kind,
        patronId,
        title,
        RequestStatus.REQUESTED.name());
    jdbc.update(
        "insert into request_event (request_id, status, actor, note, dedup_key) values (?, ?, ?, ?, ?)",
        id,
        RequestStatus.REQUESTED.name(),
        "patron " + patronId,
        null,
        id + ":placed");
    return get(id);
  }

  public void attachProcess(String requestId, long processInstanceKey) {
    jdbc.update(
        "update request set process_instance_key = ? where id = ?", processInstanceKey, requestId);
  }

  public Optional<Request> find(String id) {
    return jdbc.query("select * from request where id = ?", ROW, id).stream().findFirst();
  }

  public Request get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no request " + id));
  }

  public List<Request> forPatron(String patronId) {
    return jdbc.query(
        "select * from request where patron_id = ? order by created_at desc, id desc",
        ROW,
        patronId);
  }

  /**
   * Records a status change once per {@code dedupKey} (a retried job passes the same key and writes
   * nothing the second time).
   *
   * @return true if recorded now
   */
  @Transactional
  public boolean recordStatus(
      String requestId, RequestStatus status, String actor, Object note, String dedupKey) {
    Note n = note(note);
    int inserted =
        jdbc.update(
            "insert into request_event (request_id, status, actor, note, note_code, note_args, dedup_key)"
                + " values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (dedup_key) do nothing",
            requestId,
            status.name(),
            actor,
            n.text(),
            n.code(),
            n.args(),
            dedupKey);
    if (inserted == 0) {
      return false;
    }
    int updated =
        jdbc.update(
            "update request set status = ?, updated_at = now() where id = ?",
            status.name(),
            requestId);
    if (updated == 0) {
      throw new IllegalArgumentException("no request " + requestId);
    }
    return true;
  }

  /**
   * Moves the request to {@code to} only if it is in {@code from} now: the guard behind "cancel
   * only while REQUESTED", safe against a lender shipping at the same moment.
   */
  @Transactional
  public boolean transition(
      String requestId, RequestStatus from, RequestStatus to, String actor, Object note) {
    int moved =
        jdbc.update(
            "update request set status = ?, updated_at = now() where id = ? and status = ?",
            to.name(),
            requestId,
            from.name());
    if (moved == 0) {
      return false;
    }
    Note n = note(note);
    jdbc.update(
        "insert into request_event (request_id, status, actor, note, note_code, note_args)"
            + " values (?, ?, ?, ?, ?, ?::jsonb)",
        requestId,
        to.name(),
        actor,
        n.text(),
        n.code(),
        n.args());
    return true;
  }

  /** The history the patron sees: status changes, and the notes staff chose to show them. */
  public List<StatusChange> history(String requestId) {
    return jdbc.query(
        "select status, actor, note, note_code, note_args::text as note_args, at from request_event"
            + " where request_id = ? and visible_to_patron order by id",
        (rs, i) ->
            new StatusChange(
                RequestStatus.valueOf(rs.getString("status")),
                rs.getString("actor"),
                rs.getString("note"),
                toInstant(rs.getTimestamp("at")),
                coded(rs.getString("note_code"), rs.getString("note_args"))),
        requestId);
  }

  /**
   * Records a staff note or a counter action in the request's history, keeping its status. A note
   * is shown to the patron only when {@code visibleToPatron}; actions are recorded for staff.
   *
   * @param dedupKey makes a repeated submission record nothing the second time; null for none
   * @return true if recorded now
   */
  @Transactional
  public boolean recordEvent(
      String requestId,
      RequestEvent.Kind kind,
      String actor,
      String note,
      boolean visibleToPatron,
      String dedupKey) {
    if (kind == RequestEvent.Kind.STATUS) {
      throw new IllegalArgumentException("status changes are recorded with recordStatus");
    }
    int inserted =
        jdbc.update(
            "insert into request_event (request_id, status, actor, note, kind, visible_to_patron, dedup_key)"
                + " select id, status, ?, ?, ?, ?, ? from request where id = ?"
                + " on conflict (dedup_key) do nothing",
            actor,
            note,
            kind.name(),
            visibleToPatron,
            dedupKey,
            requestId);
    return inserted > 0;
  }

  /** Everything in the request's history, for staff: status changes, notes and actions. */
  public List<RequestEvent> timeline(String requestId) {
    return jdbc.query(
        "select status, kind, actor, note, visible_to_patron, at from request_event"
            + " where request_id = ? order by id",
        (rs, i) ->
            new RequestEvent(
                RequestStatus.valueOf(rs.getString("status")),
                RequestEvent.Kind.valueOf(rs.getString("kind")),
                rs.getString("actor"),
                rs.getString("note"),
                rs.getBoolean("visible_to_patron"),
                toInstant(rs.getTimestamp("at"))),
        requestId);
  }

  private static java.time.Instant toInstant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
