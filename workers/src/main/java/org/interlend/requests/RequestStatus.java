package org.interlend.requests;

/**
 * Patron-visible request statuses ("My Requests"), with the ISO 18626 status each maps to for
 * later interoperability.
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
  LOST("LOST", "LoanCompleted"),
  COMPLETED("COMPLETED", "LoanCompleted"),
  SCANNING("SCANNING", "ExpectToSupply"),
  DELIVERED("DELIVERED", "CopyCompleted"),
  EXPIRED("EXPIRED", "CopyCompleted"),
  AWAITING_APPROVAL("AWAITING APPROVAL", "RetryPossible"),
  AWAITING_PATRON("AWAITING PATRON", "RetryPossible"),
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
