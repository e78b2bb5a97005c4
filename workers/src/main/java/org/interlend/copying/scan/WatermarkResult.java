package org.interlend.copying.scan;

/**
 * The copy written by {@link Watermarker#watermark}.
 *
 * @param originalPages pages in the scan
 * @param pages pages in the copy: the cover page plus the original pages
 * @param bytes size of the copy
 * @param sha256 SHA-256 of the copy, lower-case hex, computed while it was written
 */
public record WatermarkResult(int originalPages, int pages, long bytes, String sha256) {}
