package org.interlend.requests;

/**
 * Patron-visible request statuses ("My Requests"), with the ISO 18626 supplier status each maps to
 * for later interoperability; null for states of the requesting library that no supplier message
 * expresses (awaiting a manager's approval or the patron's answer to a charge, before the order).
 */
public enum RequestStatus {
  REQUESTED("REQUESTED", "ExpectToSupply"),
  REJECTED("REJECTED", "Unfilled"),
  TRANSFERRED("TRANSFERRED", "Loaned"),
  RECEIVED("RECEIVED", "Loaned"),
  ON_LOAN("ON LOAN", "Loaned"),
  RECALLED("RECALLED", "Recalled"),
  OVERDUE("OVERDUE", "Overdue"),
  RETURNED("RETURNED", "Loaned"),
  SHIPPED_BACK("SHIPPED BACK", "Loaned"),
  LOST("LOST", "CompletedWithoutReturn"),
  DAMAGED("DAMAGED", "Loaned"),
  COMPLETED("COMPLETED", "LoanCompleted"),
  SCANNING("SCANNING", "ExpectToSupply"),
  DELIVERED("DELIVERED", "CopyCompleted"),
  EXPIRED("EXPIRED", "CopyCompleted"),
  AWAITING_APPROVAL("AWAITING APPROVAL", null),
  AWAITING_PATRON("AWAITING PATRON", null),
  ORDERED("ORDERED", "ExpectToSupply"),
  UNFILLED("UNFILLED", "Unfilled"),
  CANCELLED("CANCELLED", "Cancelled"),
  UNCLAIMED("UNCLAIMED", "LoanCompleted");

  private final String label;
  private final String iso18626;

  RequestStatus(String label, String iso18626) {
    this.label = label;
    this.iso18626 = iso18626;
  }

  public String label() {
    return label;
  }

  /** The ISO 18626 status, or null when no supplier status applies (see the class comment). */
  public String iso18626() {
    return iso18626;
  }

  public boolean terminal() {
    return switch (this) {
      case REJECTED, COMPLETED, EXPIRED, UNFILLED, CANCELLED, UNCLAIMED, LOST -> true;
      default -> false;
    };
  }
}
