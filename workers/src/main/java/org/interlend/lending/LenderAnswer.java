package org.interlend.lending;

/** What a lender's staff answer to "Pull and ship". */
public enum LenderAnswer {
  SHIPPED("shipped"),
  NOT_ON_SHELF("not on the shelf"),
  CHECKED_OUT_LOCALLY("checked out by a local user"),
  NOT_SUITABLE("not suitable for loan");

  private final String label;

  LenderAnswer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The answer named by a form value, with a clear message for anything else. */
  public static LenderAnswer of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the lender's answer (pullOutcome) is missing");
    }
    try {
      return valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown lender answer '"
              + value
              + "'; expected one of SHIPPED, NOT_ON_SHELF,"
              + " CHECKED_OUT_LOCALLY, NOT_SUITABLE");
    }
  }
}
