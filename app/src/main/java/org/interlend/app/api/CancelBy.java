package org.interlend.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import org.interlend.app.security.Actor;

/**
 * Who cancels, and why: a patron cancels their own request with no body (or an empty one); staff
 * cancel for the patron and must give {@code {"reason": "..."}} (1-500 characters), which goes into
 * the history and the patron's notice.
 */
record CancelBy(Actor actor, String reason) {

  static final int MAX_REASON = 500;

  static CancelBy of(Actor actor, JsonNode body) {
    String reason = null;
    if (body != null && !body.isNull() && !body.isMissingNode()) {
      if (!body.isObject()) {
        throw ApiErrors.invalid("body", "must be a JSON object like {\"reason\": \"...\"}");
      }
      for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!name.equals("reason")) {
          throw ApiErrors.invalid(name, "is not a field of a cancel (reason)");
        }
      }
      JsonNode r = body.get("reason");
      if (r != null && !r.isNull()) {
        if (!r.isTextual()) {
          throw ApiErrors.invalid("reason", "must be text, not " + r);
        }
        reason = r.asText().strip();
      }
    }
    boolean ownRequestOfPatron = actor.patron() && !actor.staff();
    if (!ownRequestOfPatron) {
      if (reason == null || reason.isEmpty()) {
        throw ApiErrors.invalid(
            "reason", "is required when staff cancel for the patron: the patron is told it");
      }
      if (reason.length() > MAX_REASON) {
        throw ApiErrors.invalid("reason", "must be at most " + MAX_REASON + " characters");
      }
    } else {
      reason = null;
    }
    return new CancelBy(actor, reason);
  }

  /** The actor as the history shows it: "patron P1001" or "staff staff-hku". */
  String historyName() {
    return (actor.patron() && !actor.staff() ? "patron " : "staff ") + actor.name();
  }
}
