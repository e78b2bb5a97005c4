package org.interlend.copying.scan;

import java.util.Objects;
import org.interlend.copying.scan.ScanCheck.Reason;

/**
 * Thrown inside this package where a problem with the upload is found deep in reading or writing;
 * the public methods turn it into a {@link ScanCheck.Rejected} or an {@link UnusableScanException}.
 */
final class Refusal extends RuntimeException {

  private final Reason reason;

  Refusal(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  Reason reason() {
    return reason;
  }

  ScanCheck.Rejected rejected() {
    return new ScanCheck.Rejected(reason, getMessage());
  }

  UnusableScanException unusable() {
    return new UnusableScanException(reason, getMessage(), this);
  }
}
