package org.interlend.catalogue;

/** One library's copy of a title. */
public record Item(
    long id,
    long bibId,
    String libraryCode,
    String barcode,
    String format,
    String collection,
    String status,
    boolean notForLoan,
    String callNumber) {

  /** Whether this copy may travel on an HKALL loan at all (format, collection, flag). */
  public boolean loanable() {
    return format.equals("BOOK") && collection.equals("GENERAL") && !notForLoan;
  }

  public boolean available() {
    return status.equals("AVAILABLE");
  }
}
