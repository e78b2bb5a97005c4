package org.interlend.patrons;

/**
 * A library user, with the rules of their category.
 *
 * @param loansInUse items on loan or requested through any service (against {@code quota})
 * @param quota the home loan quota of the category
 * @param hkallInUse HKALL books on loan or requested (also in {@code loansInUse})
 * @param hkallCap the HKALL limit of the category (HKU's HKALL table)
 */
public record Patron(
    String id,
    String name,
    String email,
    String category,
    String categoryName,
    String homeLibrary,
    boolean blocked,
    String blockedReason,
    int loansInUse,
    int quota,
    int loanDays,
    int hkallInUse,
    int hkallCap) {

  public int quotaLeft() {
    return Math.max(0, quota - loansInUse);
  }

  /** HKALL requests the patron may still place: within both the HKALL cap and the home quota. */
  public int hkallLeft() {
    return Math.max(0, Math.min(hkallCap - hkallInUse, quota - loansInUse));
  }
}
