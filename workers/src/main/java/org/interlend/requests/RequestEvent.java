package org.interlend.requests;

import java.time.Instant;

/**
 * One line of a request's history as staff see it: a status change, a staff note or a counter
 * action, with who and when, and whether the patron sees it.
 */
public record RequestEvent(
    RequestStatus status,
    Kind kind,
    String actor,
    String note,
    boolean visibleToPatron,
    Instant at) {

  /** What the line records. */
  public enum Kind {
    /** The request's status changed (the patron sees these). */
    STATUS,
    /** A staff member wrote a note, for staff only or for the patron too. */
    NOTE,
    /** A staff member acted at the counter or on the patron's behalf. */
    ACTION
  }
}
