package org.interlend.copying.scan;

import java.util.Objects;

/**
 * Outcome of {@link ScanValidator#validate}: the scan is accepted, or rejected with a machine code
 * ({@link Reason}) and a message for the scanning staff.
 */
public sealed interface ScanCheck permits ScanCheck.Accepted, ScanCheck.Rejected {

  /** Why a scan was rejected. The names are stable: workflows and dashboards match on them. */
  enum Reason {
    /** The file has no bytes. */
    EMPTY,
    /**
     * The file is over {@link ScanRules#maxBytes()}, has more than {@link ScanRules#maxPages()}
     * pages, or its copy would be larger than the upload allows.
     */
    TOO_LARGE,
    /** The content is not a PDF, whatever the file is called. */
    NOT_PDF,
    /**
     * The PDF needs a password to open, or is encrypted in a way that cannot be opened here. PDFs
     * restricted only by an owner password open without one and are accepted.
     */
    ENCRYPTED,
    /**
     * The PDF is truncated or damaged: it cannot be parsed, or pages or their content are missing.
     */
    UNREADABLE,
    /**
     * The PDF's structure is beyond what can be processed safely (nesting, object count, content
     * size).
     */
    TOO_COMPLEX,
    /** The PDF parses but has no pages. */
    NO_PAGES,
    /** The number of pages is outside the requested range plus or minus the tolerance. */
    PAGE_COUNT
  }

  /** Code to store as a process variable: {@code "OK"} or the {@link Reason} name. */
  String code();

  default boolean ok() {
    return this instanceof Accepted;
  }

  /** A usable PDF. */
  record Accepted(int pages, long bytes) implements ScanCheck {
    @Override
    public String code() {
      return "OK";
    }
  }

  /** An unusable upload; {@code message} is written for the person who scanned it. */
  record Rejected(Reason reason, String message) implements ScanCheck {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String code() {
      return reason.name();
    }
  }
}
