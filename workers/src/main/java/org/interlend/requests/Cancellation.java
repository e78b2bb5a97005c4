package org.interlend.requests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a cancel is told to the process and the patron: who cancelled ({@code cancelledBy}) and, in
 * the patron's notice, "cancelled as you asked" or "cancelled by the library: <reason>" ({@code
 * cancelNote}).
 */
public final class Cancellation {

  /** The message every request process waits for while it may still be cancelled. */
  public static final String MESSAGE = "request-cancel";

  private Cancellation() {}

  /** The message variables; {@code reason} is null when the patron cancelled. */
  public static Map<String, Object> variables(String actor, String reason) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("cancelledBy", actor);
    v.put("cancelNote", reason == null ? "as you asked" : "by the library: " + reason.strip());
    if (reason != null) {
      v.put("cancelReason", reason.strip());
    }
    return v;
  }

  /** The note in the request's history. */
  public static String statusNote(String actor, String reason) {
    return "cancelled by " + actor + (reason == null ? "" : ": " + reason.strip());
  }
}
