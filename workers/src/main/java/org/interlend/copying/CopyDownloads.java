package org.interlend.copying;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.interlend.storage.DocumentStore;
import org.springframework.stereotype.Service;

/**
 * Hands a delivered copy's bytes to its patron, counting the download only when the bytes can be
 * served: the copy is opened in the store first (a store that is down costs the patron nothing),
 * then the download is counted, exactly as many times as allowed however many tries race.
 */
@Service
public class CopyDownloads {

  private final DigitalDeliveries deliveries;
  private final DocumentStore store;

  public CopyDownloads(DigitalDeliveries deliveries, DocumentStore store) {
    this.deliveries = deliveries;
    this.store = store;
  }

  /** Either the copy's content, counted, or why it cannot be downloaded. */
  public sealed interface Download {
    /**
     * Counted as download {@code number} of {@code maxDownloads}: send {@code content}, then close
     * it.
     */
    record Served(InputStream content, long bytes, int number, int maxDownloads)
        implements Download {}

    record Refused(DownloadClaim reason) implements Download {}
  }

  /**
   * Opens the copy for one download.
   *
   * @throws org.interlend.storage.StorageException when the store cannot serve it now (nothing
   *     counted)
   */
  public Download open(String requestId) {
    Optional<DownloadClaim> refusal = deliveries.refusal(requestId);
    if (refusal.isPresent()) {
      return new Download.Refused(refusal.get());
    }
    Delivery delivery = deliveries.get(requestId);
    InputStream content = store.get(delivery.objectKey());
    DownloadClaim claim = deliveries.claim(requestId);
    if (claim instanceof DownloadClaim.Granted granted) {
      return new Download.Served(
          content, delivery.bytes(), granted.number(), granted.maxDownloads());
    }
    close(content);
    return new Download.Refused(claim);
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
