package org.interlend.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import org.interlend.app.security.Actor;
import org.interlend.app.security.RequestAccess;
import org.interlend.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whom a request is placed for: the signed-in patron, or the patron a staff member names (staff
 * place requests at the desk for the patrons of their own library). A patron who names someone else
 * is refused, and so is staff naming another library's patron.
 */
@Component
public class RequestingPatron {

  private final Patrons patrons;
  private final RequestAccess access;

  public RequestingPatron(Patrons patrons, RequestAccess access) {
    this.patrons = patrons;
    this.access = access;
  }

  /**
   * @param patronId the request body's {@code patronId} field (absent or null: none named)
   */
  public String of(JsonNode patronId, Principal principal, HttpServletRequest http) {
    String named = null;
    if (patronId != null && !patronId.isNull()) {
      if (!patronId.isTextual() || patronId.asText().isBlank()) {
        throw ApiErrors.invalid(
            "patronId", "must be a library card number like \"P1001\", not " + patronId);
      }
      named = patronId.asText();
    }
    return of(named, principal, http);
  }

  /**
   * @param named the patron id in the request, or null/blank when none is named
   */
  public String of(String named, Principal principal, HttpServletRequest http) {
    if (principal == null) {
      throw ApiErrors.problem(HttpStatus.UNAUTHORIZED, "Sign in", "Sign in to place a request.");
    }
    if (!mayPlace(http)) {
      throw ApiErrors.problem(
          HttpStatus.FORBIDDEN, "Not allowed", "Only patrons and library staff place requests.");
    }
    String card = named == null || named.isBlank() ? null : named.strip().toUpperCase(Locale.ROOT);
    String patronId;
    if (isStaff(http)) {
      if (card == null) {
        throw ApiErrors.invalid("patronId", "is required: staff place requests for a patron");
      }
      patronId = card;
    } else {
      patronId = principal.getName();
      if (card != null && !card.equals(patronId)) {
        throw ApiErrors.problem(
            HttpStatus.FORBIDDEN,
            "Not your account",
            "Patrons can place requests only for themselves.");
      }
    }
    if (patrons.find(patronId).isEmpty()) {
      throw ApiErrors.problem(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "Unknown patron",
          "No patron with library card " + patronId + ".");
    }
    if (isStaff(http) && !access.mayActForPatron(Actor.of(principal), patronId)) {
      throw ApiErrors.problem(
          HttpStatus.FORBIDDEN,
          "Not your library's patron",
          "Staff place requests only for the patrons of their own library; "
              + patronId
              + " belongs to another.");
    }
    return patronId;
  }

  public static boolean isStaff(HttpServletRequest http) {
    return http.isUserInRole("STAFF");
  }

  /** Patrons place requests for themselves, staff for their library's patrons; nobody else. */
  public static boolean mayPlace(HttpServletRequest http) {
    return http.isUserInRole("PATRON") || isStaff(http);
  }
}
