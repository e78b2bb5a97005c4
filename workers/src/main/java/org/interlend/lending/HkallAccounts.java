package org.interlend.lending;

import java.util.Optional;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.springframework.stereotype.Service;

/**
 * The account side of HKALL eligibility, after the category rule (DMN {@code hkall-eligibility}):
 * the account must not be blocked, and the request must get one of the patron's home loan quota
 * slots (HKALL loans count against the home quota). The slot is held until the request ends or
 * the item goes back.
 */
@Service
public class HkallAccounts {

  /** Start of the message a patron gets when the quota is used up (tests look for it). */
  public static final String QUOTA_REACHED = "Loan quota reached";

  private final Patrons patrons;

  public HkallAccounts(Patrons patrons) {
    this.patrons = patrons;
  }

  /**
   * Checks the account and holds a quota slot for the request. Idempotent per request.
   *
   * @return the reason the patron may not borrow, or empty if a slot is held now
   */
  public Optional<String> admit(String requestId, String patronId) {
    Patron patron = patrons.get(patronId);
    if (patron.blocked()) {
      String why = patron.blockedReason() == null ? "" : " (" + patron.blockedReason() + ")";
      return Optional.of(
          "Your library account is blocked" + why + ". Please contact the circulation counter.");
    }
    if (!patrons.holdQuota(requestId)) {
      return Optional.of(
          QUOTA_REACHED + ": you already have " + patron.quota() + " items on loan or requested,"
              + " the most your category (" + patron.categoryName() + ") may have. HKALL loans"
              + " count against your home library quota.");
    }
    return Optional.empty();
  }
}
