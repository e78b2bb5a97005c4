package org.interlend.statistics;

/**
 * The services whose speed the libraries promise, with the promise (seed service pages): HKALL
 * books in about 5 working days, books from other local partners in 1 to 2 weeks, overseas in 1 to
 * 3 months, electronic articles and chapters in 1 to 3 working days. Turnaround is counted from the
 * request to the item (or copy) being ready for the patron: RECEIVED at the home library, or
 * DELIVERED.
 *
 * @param promisedDays the longest turnaround that keeps the promise
 * @param workingDays whether {@code promisedDays} counts working days (else calendar days)
 */
public enum Service {
  HKALL("HKALL books", "about 5 working days", 5, true),
  LOCAL("Local partners", "1 to 2 weeks", 10, true),
  OVERSEAS("Overseas partners", "1 to 3 months", 90, false),
  DIGITAL("Digital chapters and articles", "1 to 3 working days", 3, true);

  private final String label;
  private final String promise;
  private final int promisedDays;
  private final boolean workingDays;

  Service(String label, String promise, int promisedDays, boolean workingDays) {
    this.label = label;
    this.promise = promise;
    this.promisedDays = promisedDays;
    this.workingDays = workingDays;
  }

  public String label() {
    return label;
  }

  public String promise() {
    return promise;
  }

  public int promisedDays() {
    return promisedDays;
  }

  public boolean workingDays() {
    return workingDays;
  }

  public String unit() {
    return workingDays ? "working days" : "days";
  }
}
