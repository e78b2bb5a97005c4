package org.interlend.copying;

/**
 * An upload that cannot be delivered, with the reason for the scanning staff. {@code code} is a
 * {@link org.interlend.copying.scan.ScanCheck.Reason} name or one of {@code NO_FILE}, {@code
 * MISSING}, {@code MIXED}, {@code NOT_IMAGE}.
 */
public record ScanProblem(String code, String message) {}
