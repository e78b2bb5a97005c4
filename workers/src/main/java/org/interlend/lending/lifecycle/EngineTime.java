package org.interlend.lending.lifecycle;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads instants that the process passes to workers: ISO-8601 strings, either from a caller ({@code
 * 2026-03-01T02:00:00Z}) or from a FEEL {@code now()} on the engine clock, which Zeebe writes as a
 * zoned date-time ({@code 2026-03-01T10:00:00.123+08:00[Asia/Hong_Kong]}, or FEEL's own {@code
 * ...@Asia/Hong_Kong} form). Workers use these, never the JVM clock, so that the engine's clock
 * (and time travel in tests) decides dates.
 */
public final class EngineTime {

  private EngineTime() {}

  public static Instant parse(String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException("variable " + name + " is missing (an ISO-8601 instant)");
    }
    String text = value.toString().strip();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notInstant) {
      // fall through to the offset and zoned forms
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      // fall through
    }
    try {
      int at = text.indexOf('@');
      if (at > 0) { // FEEL's local date-time @ region form
        return LocalDateTime.parse(text.substring(0, at))
            .atZone(ZoneId.of(text.substring(at + 1)))
            .toInstant();
      }
      return ZonedDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "variable " + name + " is not an ISO-8601 date-time with zone or offset: " + text, e);
    }
  }
}
