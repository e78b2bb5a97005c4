package org.interlend.app.console;

import java.time.Instant;
import java.util.List;
import org.interlend.lending.lifecycle.PatronLoan;
import org.interlend.requests.Request;

/**
 * Everything the console shows about one request: the request and its citation, the patron, the
 * item, the lender or supplier, due dates, charges and fines, the full timeline, and what the
 * process is doing now.
 */
record RequestFile(
    Request request,
    List<Section> sections,
    PatronLoan loan,
    String itemBarcode,
    List<Money> money,
    List<Entry> timeline,
    Now now) {

  /** A titled list of facts: "Patron", "Citation", … */
  record Section(String title, List<Fact> facts) {}

  record Fact(String label, String value) {}

  /** A charge or a fine. */
  record Money(String what, String amount, String status, Instant at) {}

  /**
   * One line of the timeline. {@code kind}: STATUS, NOTE, ACTION, TASK, MAIL; {@code noticeId} for
   * mails (they can be resent).
   */
  record Entry(
      Instant at,
      String kind,
      String what,
      String actor,
      String text,
      String detail,
      Long noticeId,
      boolean patronSees) {}

  /** What the process is doing now; {@code problem} when the engine could not be asked. */
  record Now(List<String> steps, List<OpenTask> tasks, List<Incident> incidents, String problem) {

    static Now unavailable(String reason) {
      return new Now(List.of(), List.of(), List.of(), reason);
    }
  }

  record OpenTask(
      long key,
      String name,
      String link,
      String assignee,
      String groups,
      Instant created,
      String due) {}

  record Incident(long key, String step, String errorType, String message, Instant created) {}
}
