package org.interlend.requests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a cancel tells the process (message {@code request-cancel}) and the history: who cancelled,
 * and, when staff cancel for the patron, why (the patron's notice gives the reason).
 */
public final class CancelMessage {

  public static final String NAME = "request-cancel";

  private CancelMessage() {}

  public static Map<String, Object> variables(String actor, String reason) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("cancelledBy", actor);
    v.put("cancelReason", reason == null || reason.isBlank() ? "" : reason.strip());
    return v;
  }

  public static String note(String actor, String reason) {
    return reason == null || reason.isBlank()
        ? "cancelled by " + actor
        : "cancelled by " + actor + ": " + reason.strip();
  }
}
