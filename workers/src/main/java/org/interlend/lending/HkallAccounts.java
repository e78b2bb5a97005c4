package org.interlend.lending;

import java.util.Optional;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.springframework.stereotype.Service;

/**
 * The account side of HKALL eligibility, after the category rule (DMN {@code hkall-eligibility}):
 * the account must not be blocked, and the request must get a slot of the category's HKALL cap and
 * one of the patron's home loan quota (HKALL loans count against both: HKU's HKALL table and the
 * home library's own quota). The slots are held until the request ends or the item goes back.
 */
@Service
public class HkallAccounts {

  /** Start of the message a patron gets when a quota is used up (tests look for it). */
  public static final String QUOTA_REACHED = "Loan quota reached";

  /** Start of the message when the HKALL cap is reached. */
  public static final String HKALL_CAP_REACHED = "HKALL limit reached";

  private final Patrons patrons;

  public HkallAccounts(Patrons patrons) {
    this.patrons = patrons;
  }

  /**
   * Why the patron may not place an HKALL request now, judged before any request exists (the
   * portal shows it before the patron submits); empty if they may.
   */
  public Optional<String> refusal(Patron patron) {
    if (patron.blocked()) {
      return Optional.of(blocked(patron));
    }
    if (patron.hkallInUse() >= patron.hkallCap()) {
      return Optional.of(capReached(patron));
    }
    if (patron.loansInUse() >= patron.quota()) {
      return Optional.of(quotaReached(patron));
    }
    return Optional.empty();
  }

  /**
   * Checks the account and holds the request's slots. Idempotent per request.
   *
   * @return the reason the patron may not borrow, or empty if the slots are held now
   */
  public Optional<String> admit(String requestId, String patronId) {
    Patron patron = patrons.get(patronId);
    if (patron.blocked()) {
      return Optional.of(blocked(patron));
    }
    return patrons
        .holdHkallQuota(requestId)
        .map(
            r ->
                r == Patrons.HkallRefusal.HKALL_CAP
                    ? capReached(patron)
                    : quotaReached(patron));
  }

  private static String blocked(Patron patron) {
    String why = patron.blockedReason() == null ? "" : " (" + patron.blockedReason() + ")";
    return "Your library account is blocked" + why + ". Please contact the circulation counter.";
  }

  private static String capReached(Patron patron) {
    return HKALL_CAP_REACHED + ": you already have " + patron.hkallCap() + " HKALL items on loan"
        + " or requested, the most your category (" + patron.categoryName() + ") may have.";
  }

  private static String quotaReached(Patron patron) {
    return QUOTA_REACHED + ": you already have " + patron.quota() + " items on loan or requested,"
        + " the most your category (" + patron.categoryName() + ") may have. HKALL loans count"
        + " against your home library quota.";
  }
}
