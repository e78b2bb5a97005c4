package org.interlend.lending;

import java.util.Map;
import java.util.Optional;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.interlend.texts.PatronTexts;
import org.springframework.stereotype.Service;

/**
 * The account side of HKALL eligibility, after the category rule (DMN {@code hkall-eligibility}):
 * the account must not be blocked, and the request must get a slot of the category's HKALL cap and
 * one of the patron's home loan quota (HKALL loans count against both: HKU's HKALL table and the
 * home library's own quota). The slots are held until the request ends or the item goes back.
 */
@Service
public class HkallAccounts {

  /**
   * Start of the message (in English) a patron gets when a quota is used up (tests look for it).
   */
  public static final String QUOTA_REACHED = "Loan quota reached";

  /** Start of the message when the HKALL cap is reached. */
  public static final String HKALL_CAP_REACHED = "HKALL limit reached";

  private final Patrons patrons;

  public HkallAccounts(Patrons patrons) {
    this.patrons = patrons;
  }

  /**
   * Why the patron may not place an HKALL request now, judged before any request exists (the portal
   * shows it before the patron submits); empty if they may.
   */
  public Optional<Map<String, Object>> refusal(Patron patron) {
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
  public Optional<Map<String, Object>> admit(String requestId, String patronId) {
    Patron patron = patrons.get(patronId);
    if (patron.blocked()) {
      return Optional.of(blocked(patron));
    }
    return patrons
        .holdHkallQuota(requestId)
        .map(r -> r == Patrons.HkallRefusal.HKALL_CAP ? capReached(patron) : quotaReached(patron));
  }

  // The reasons are coded texts of the PatronTexts: shown and mailed in the patron's language.

  private static Map<String, Object> blocked(Patron patron) {
    String why = patron.blockedReason() == null ? "" : " (" + patron.blockedReason() + ")";
    return Map.of(PatronTexts.CODE, "reason.account.blocked", "why", why);
  }

  private static Map<String, Object> capReached(Patron patron) {
    return Map.of(
        PatronTexts.CODE,
        "reason.hkall.cap-reached",
        "cap",
        patron.hkallCap(),
        "category",
        patron.categoryName());
  }

  private static Map<String, Object> quotaReached(Patron patron) {
    return Map.of(
        PatronTexts.CODE,
        "reason.hkall.quota-reached",
        "quota",
        patron.quota(),
        "category",
        patron.categoryName());
  }
}
