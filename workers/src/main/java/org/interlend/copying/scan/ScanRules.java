package org.interlend.copying.scan;

/**
 * Limits an uploaded scan must meet.
 *
 * @param maxBytes      largest accepted upload in bytes
 * @param pageTolerance how many pages the scan may have more or fewer than the requested range
 */
public record ScanRules(long maxBytes, int pageTolerance) {

    /** 200 MiB. */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;
    public static final int DEFAULT_PAGE_TOLERANCE = 2;

    private static final ScanRules DEFAULTS = new ScanRules(DEFAULT_MAX_BYTES, DEFAULT_PAGE_TOLERANCE);

    public ScanRules {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        if (pageTolerance < 0) {
            throw new IllegalArgumentException("pageTolerance must not be negative, was " + pageTolerance);
        }
    }

    public static ScanRules defaults() {
        return DEFAULTS;
    }

    public ScanRules withMaxBytes(long maxBytes) {
        return new ScanRules(maxBytes, pageTolerance);
    }

    public ScanRules withPageTolerance(int pageTolerance) {
        return new ScanRules(maxBytes, pageTolerance);
    }
}
