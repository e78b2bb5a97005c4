package org.interlend.copying;

import java.time.Instant;

/** A delivered copy: where it is, its checksum and size, and its download window and count. */
public record Delivery(
    String requestId,
    String objectKey,
    String sha256,
    Long bytes,
    Integer pages,
    Instant publishedAt,
    Instant availableUntil,
    Integer maxDownloads,
    int downloads,
    Instant expiredAt) {

  public boolean published() {
    return publishedAt != null;
  }
}
