package org.interlend.copying.scan;

import java.util.Objects;
import org.interlend.copying.scan.ScanCheck.Reason;

/**
 * The scan cannot be turned into a copy for the patron. This is a problem with the upload, to be
 * reported to the scanning staff with {@link #getMessage()}, not an I/O failure.
 */
public class UnusableScanException extends Exception {

  private final Reason reason;

  public UnusableScanException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The machine code, as for a {@link ScanCheck.Rejected} upload. */
  public Reason reason() {
    return reason;
  }
}
