package org.interlend.copying;

import java.time.Instant;

/** The answer to one download attempt of a delivered copy. */
public sealed interface DownloadClaim {

  /** Counted: the caller serves the copy at {@code objectKey}. */
  record Granted(String objectKey, int number, int maxDownloads, Instant availableUntil)
      implements DownloadClaim {}

  /** All downloads used. */
  record LimitReached(int maxDownloads) implements DownloadClaim {}

  /** The download window has closed (the copy may already be deleted). */
  record Expired(Instant availableUntil) implements DownloadClaim {}

  /** Nothing delivered (yet) for this request. */
  record NotDelivered() implements DownloadClaim {}
}
