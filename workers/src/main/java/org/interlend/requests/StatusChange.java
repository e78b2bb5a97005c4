package org.interlend.requests;

import java.time.Instant;
import org.interlend.texts.PatronTexts;

/**
 * One line of a request's history: what it became, when, and who did it. {@code note} is the note
 * in English (or as staff wrote it); {@code coded}, when the system wrote it, is its code in the
 * patron texts, to show it in the reader's language.
 */
public record StatusChange(
    RequestStatus status, String actor, String note, Instant at, PatronTexts.Coded coded) {

  public StatusChange(RequestStatus status, String actor, String note, Instant at) {
    this(status, actor, note, at, null);
  }

  /** The note to render ({@link PatronTexts#render}): its code if it has one, else its text. */
  public Object text() {
    return coded != null ? coded : note;
  }
}
