package org.interlend.app.security;

import java.util.Optional;
import java.util.Set;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.interlend.requests.RequestParties;
import org.interlend.requests.RequestParties.Parties;
import org.springframework.stereotype.Service;

/**
 * Who may do what to which request: the one place the rules live (docs/security.md has the table).
 *
 * <ul>
 *   <li>Patrons: their own requests only.
 *   <li>Staff: requests where their library is the patron's home library or the lender or supplier,
 *       always acting as staff (their name in the history); some actions belong to one of these
 *       libraries only (a recall to the lender, a charge declined for the patron to the home
 *       library).
 *   <li>Managers: read every request (cost decisions are their Tasklist tasks), and add notes,
 *       resend notices and retry incidents on any.
 *   <li>Administrators: read every request, add notes, resend notices and retry incidents on any;
 *       the engine clock, the smoke check and all mail are theirs (checked by role on those pages).
 * </ul>
 *
 * A request the actor may not read is "not found" (404), so ids cannot be probed; one they may read
 * but not act on is "forbidden" (403) with the reason.
 */
@Service
public class RequestAccess {

  /** What can be done to a request. */
  public enum Action {
    READ,
    /** The patron's own copy, the patron only. */
    DOWNLOAD,
    /** Accept or decline a charge: the patron only. */
    ANSWER_CHARGE,
    /** Renew a loan: the patron. */
    RENEW,
    /** Cancel: the patron, or staff of any involved library with a reason. */
    CANCEL,
    /** Decline an offered charge on the patron's behalf, with a reason: the home library. */
    DECLINE_CHARGE_FOR_PATRON,
    /** Check in a returned item, report it lost or damaged: home library or lender. */
    COUNTER,
    /** Recall: the lender only. */
    RECALL,
    /** Record an overseas item's arrival: the home library. */
    RECORD_ARRIVAL,
    /**
     * Add a note, resend a notice, retry an incident: staff of any involved library, managers and
     * administrators.
     */
    STAFF_WORK
  }

  /** A refused access: 404 when the request may not even be seen, 403 otherwise. */
  public static class Denied extends RuntimeException {
    private final boolean hidden;

    Denied(boolean hidden, String message) {
      super(message);
      this.hidden = hidden;
    }

    /** True when the actor may not know the request exists (answer 404). */
    public boolean hidden() {
      return hidden;
    }
  }

  private final RequestParties parties;
  private final Patrons patrons;

  public RequestAccess(RequestParties parties, Patrons patrons) {
    this.parties = parties;
    this.patrons = patrons;
  }

  public boolean allows(Actor actor, Action action, String requestId) {
    try {
      require(actor, action, requestId);
      return true;
    } catch (Denied e) {
      return false;
    }
  }

  /** Throws {@link Denied} unless {@code actor} may do {@code action} to the request. */
  public Parties require(Actor actor, Action action, String requestId) {
    Optional<Parties> found =
        requestId == null || !requestId.matches("R-\\d{1,18}")
            ? Optional.empty()
            : parties.of(requestId);
    if (found.isEmpty() || !canRead(actor, found.get())) {
      throw new Denied(true, "No request " + requestId + ".");
    }
    Parties p = found.get();
    boolean own = actor.patron() && actor.name().equals(p.patronId());
    boolean home = actor.libraries().contains(p.homeLibrary());
    boolean supplier = p.suppliers().stream().anyMatch(actor.libraries()::contains);
    boolean allowed =
        switch (action) {
          case READ -> true;
          case DOWNLOAD, ANSWER_CHARGE, RENEW -> own;
          case CANCEL -> own || home || supplier;
          case DECLINE_CHARGE_FOR_PATRON, RECORD_ARRIVAL -> home;
          case COUNTER -> home || supplier;
          case RECALL -> supplier;
          case STAFF_WORK -> home || supplier || actor.manager() || actor.admin();
        };
    if (!allowed) {
      throw new Denied(false, refusal(action, p));
    }
    return p;
  }

  /**
   * Whether {@code actor} (staff) may place a request for {@code patronId}: their home library's.
   */
  public boolean mayActForPatron(Actor actor, String patronId) {
    return patrons
        .find(patronId)
        .map(Patron::homeLibrary)
        .map(actor.libraries()::contains)
        .orElse(false);
  }

  private static boolean canRead(Actor actor, Parties p) {
    if (actor.admin() || actor.manager()) {
      return true;
    }
    if (actor.patron() && actor.name().equals(p.patronId())) {
      return true;
    }
    Set<String> involved = p.libraries();
    return actor.libraries().stream().anyMatch(involved::contains);
  }

  private static String refusal(Action action, Parties p) {
    return switch (action) {
      case DOWNLOAD, ANSWER_CHARGE, RENEW ->
          "Only the patron may do this for request " + p.requestId() + ".";
      case DECLINE_CHARGE_FOR_PATRON, RECORD_ARRIVAL ->
          "Only staff of the patron's home library ("
              + p.homeLibrary()
              + ") may do this for "
              + p.requestId()
              + ".";
      case RECALL -> "Only the lending library may recall " + p.requestId() + ".";
      default ->
          "Only the patron or staff of "
              + String.join(", ", p.libraries())
              + " may do this for "
              + p.requestId()
              + ".";
    };
  }
}
