package org.interlend.copying.scan;

/**
 * Limits an uploaded scan must meet.
 *
 * @param maxBytes largest accepted upload in bytes
 * @param pageTolerance how many pages the scan may have more or fewer than the requested range
 * @param maxPages most pages accepted whatever was requested; keeps the watermark step's heap
 *     bounded (PDFBox holds a few kilobytes of object structure per page)
 */
public record ScanRules(long maxBytes, int pageTolerance, int maxPages) {

  /** 200 MiB. */
  public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

  public static final int DEFAULT_PAGE_TOLERANCE = 2;

  /** Far beyond any copy the Ordinance allows; about 35 MB of heap to watermark. */
  public static final int DEFAULT_MAX_PAGES = 2000;

  private static final ScanRules DEFAULTS =
      new ScanRules(DEFAULT_MAX_BYTES, DEFAULT_PAGE_TOLERANCE, DEFAULT_MAX_PAGES);

  public ScanRules {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    if (pageTolerance < 0) {
      throw new IllegalArgumentException(
          "pageTolerance must not be negative, was " + pageTolerance);
    }
    if (maxPages <= 0) {
      throw new IllegalArgumentException("maxPages must be positive, was " + maxPages);
    }
  }

  /** Rules with the {@link #DEFAULT_MAX_PAGES default page limit}. */
  public ScanRules(long maxBytes, int pageTolerance) {
    this(maxBytes, pageTolerance, DEFAULT_MAX_PAGES);
  }

  public static ScanRules defaults() {
    return DEFAULTS;
  }

  public ScanRules withMaxBytes(long maxBytes) {
    return new ScanRules(maxBytes, pageTolerance, maxPages);
  }

  public ScanRules withPageTolerance(int pageTolerance) {
    return new ScanRules(maxBytes, pageTolerance, maxPages);
  }

  public ScanRules withMaxPages(int maxPages) {
    return new ScanRules(maxBytes, pageTolerance, maxPages);
  }
}
