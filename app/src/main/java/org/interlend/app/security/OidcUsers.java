package org.interlend.app.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.interlend.patrons.Patrons;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Production sign-in: maps a user signed in at the institution's OIDC provider to an Interlend
 * user. The patron is the value of a configurable claim (the library card number, e.g. {@code
 * P1001}); staff and manager roles come from a groups claim ({@code staff-<library>} gives the
 * STAFF role and that library's candidate group, {@code managers} the MANAGER role). A user who is
 * neither a known patron nor in a staff group is refused.
 */
public class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
  private final OidcSettings settings;
  private final Patrons patrons;

  public OidcUsers(Patrons patrons, OidcSettings settings) {
    this(new OidcUserService(), patrons, settings);
  }

  OidcUsers(
      OAuth2UserService<OidcUserRequest, OidcUser> provider,
      Patrons patrons,
      OidcSettings settings) {
    this.provider = provider;
    this.patrons = patrons;
    this.settings = settings;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser signedIn = provider.loadUser(request);
    return map(signedIn.getIdToken(), signedIn.getUserInfo());
  }

  /** The mapping itself: claims in, an Interlend principal (name = patron id or staff user) out. */
  public OidcUser map(OidcIdToken idToken, OidcUserInfo userInfo) {
    DefaultOidcUser claims = new DefaultOidcUser(List.of(), idToken, userInfo);
    Identity identity = identify(claims.getAttributes(), claims.getSubject());
    return new Principal(identity.authorities(), idToken, userInfo, identity.name());
  }

  /** Who the claims name: the Interlend user name (patron id or staff user) and its authorities. */
  public record Identity(String name, List<GrantedAuthority> authorities) {}

  /**
   * Maps an OIDC user's claims (from an ID token at sign-in, or from an access token on the API) to
   * an Interlend user.
   *
   * @throws OAuth2AuthenticationException when the claims name neither a patron nor a staff group
   */
  public Identity identify(Map<String, Object> claims, String subject) {
    Set<String> groups = groups(claims.get(settings.groupsClaim()));
    List<GrantedAuthority> authorities = new ArrayList<>();
    boolean staff = false;
    boolean admin = false;
    for (String group : groups) {
      if (group.equals(settings.adminGroup())) {
        authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        admin = true;
      } else if (group.equals(settings.managerGroup())) {
        authorities.add(new SimpleGrantedAuthority("ROLE_MANAGER"));
        authorities.add(new SimpleGrantedAuthority("GROUP_managers"));
        staff = true;
      } else if (group.startsWith("staff-")) {
        authorities.add(new SimpleGrantedAuthority("GROUP_" + group));
        staff = true;
      }
    }
    if (staff) {
      authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
    }
    Object claim = claims.get(settings.patronClaim());
    String patronId = claim == null ? null : claim.toString().strip().toUpperCase(Locale.ROOT);
    String name;
    if (patronId != null && !patronId.isEmpty() && patrons.find(patronId).isPresent()) {
      authorities.add(new SimpleGrantedAuthority("ROLE_PATRON"));
      name = patronId;
    } else if (staff || admin) {
      Object user = claims.get(settings.usernameClaim());
      name = user == null ? subject : user.toString();
    } else {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(
              "unknown_patron",
              "Signed in, but not an Interlend user: claim \""
                  + settings.patronClaim()
                  + "\" names no patron ("
                  + patronId
                  + ") and no staff group was sent in \""
                  + settings.groupsClaim()
                  + "\".",
              null));
    }
    return new Identity(name, List.copyOf(authorities));
  }

  private static Set<String> groups(Object claim) {
    Set<String> groups = new LinkedHashSet<>();
    if (claim instanceof Collection<?> list) {
      list.forEach(g -> groups.add(String.valueOf(g).strip()));
    } else if (claim instanceof String s) {
      for (String g : s.split("[,\\s]+")) {
        if (!g.isBlank()) {
          groups.add(g.strip());
        }
      }
    }
    // some providers send paths ("/library/staff-hku"): the last segment is the group
    Set<String> names = new LinkedHashSet<>();
    groups.forEach(g -> names.add(g.substring(g.lastIndexOf('/') + 1)));
    return names;
  }

  /** An OIDC user whose name is the Interlend user (patron card number or staff user). */
  static final class Principal extends DefaultOidcUser {
    private final String name;

    Principal(
        Collection<GrantedAuthority> authorities,
        OidcIdToken idToken,
        OidcUserInfo userInfo,
        String name) {
      super(authorities, idToken, userInfo);
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Principal p && p.name.equals(name) && super.equals(o);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
