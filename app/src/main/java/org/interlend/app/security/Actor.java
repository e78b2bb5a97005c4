package org.interlend.app.security;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is acting, as the authorization rules see it: a patron (their card number), the
 * interlibrary-loan staff of some libraries, a manager, an administrator, or nobody signed in.
 * Built from the sign-in's authorities: {@code ROLE_PATRON}, {@code ROLE_STAFF} with one {@code
 * GROUP_staff-<library>} per library, {@code ROLE_MANAGER}, {@code ROLE_ADMIN}.
 */
public record Actor(
    String name, boolean patron, Set<String> libraries, boolean manager, boolean admin) {

  public static final Actor ANONYMOUS = new Actor(null, false, Set.of(), false, false);

  public static Actor of(Principal principal) {
    if (!(principal instanceof Authentication auth) || !auth.isAuthenticated()) {
      return ANONYMOUS;
    }
    boolean patron = false;
    boolean manager = false;
    boolean admin = false;
    Set<String> libraries = new LinkedHashSet<>();
    for (GrantedAuthority a : auth.getAuthorities()) {
      String authority = a.getAuthority();
      switch (authority) {
        case "ROLE_PATRON" -> patron = true;
        case "ROLE_MANAGER" -> manager = true;
        case "ROLE_ADMIN" -> admin = true;
        default -> {
          if (authority.startsWith("GROUP_staff-")) {
            libraries.add(authority.substring("GROUP_staff-".length()));
          }
        }
      }
    }
    return new Actor(auth.getName(), patron, Set.copyOf(libraries), manager, admin);
  }

  public boolean signedIn() {
    return name != null;
  }

  /** Staff of at least one library. */
  public boolean staff() {
    return !libraries.isEmpty();
  }

  /** The patron id, if the actor is a patron. */
  public String patronId() {
    return patron ? name : null;
  }

  /** How the actor is named in a request's history: "P1001", "staff-hku (staff-hku)", ... */
  public String historyName() {
    return name;
  }
}
