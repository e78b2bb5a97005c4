package org.interlend.patrons;

/** A library user, with the rules of their category. */
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
    int loanDays) {

  public int quotaLeft() {
    return Math.max(0, quota - loansInUse);
  }
}
