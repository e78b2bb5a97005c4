package org.interlend.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import org.interlend.patrons.Patrons;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Whom a request is placed for: the signed-in patron, or the patron a staff member names (staff
 * place requests at the desk for patrons). A patron who names someone else is refused.
 */
@Component
public class RequestingPatron {

  private final Patrons patrons;

  public RequestingPatron(Patrons patrons) {
    this.patrons = patrons;
  }

  /** @param patronId the request body's {@code patronId} field (absent or null: none named) */
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

  /** @param named the patron id in the request, or null/blank when none is named */
  public String of(String named, Principal principal, HttpServletRequest http) {
    if (principal == null) {
      throw ApiErrors.problem(HttpStatus.UNAUTHORIZED, "Sign in", "Sign in to place a request.");
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
            HttpStatus.FORBIDDEN, "Not your account", "Patrons can place requests only for themselves.");
      }
    }
    if (patrons.find(patronId).isEmpty()) {
      throw ApiErrors.problem(
          HttpStatus.UNPROCESSABLE_ENTITY, "Unknown patron", "No patron with library card " + patronId + ".");
    }
    return patronId;
  }

  public static boolean isStaff(HttpServletRequest http) {
    return http.isUserInRole("STAFF");
  }
}
