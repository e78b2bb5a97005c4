package org.interlend.app.security;

import java.util.ArrayList;
import java.util.List;
import org.interlend.libraries.Libraries;
import org.interlend.libraries.Library;
import org.interlend.patrons.Patron;
import org.interlend.patrons.Patrons;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Demo sign-in for local mode: every patron signs in with their card number (e.g. P1001), each
 * library's ILL staff as {@code staff-<library>} (e.g. staff-hku), {@code manager} for cost
 * approval, and {@code admin} for the local engine's clock, the smoke check, incidents and all
 * mail; all with the one demo password. Production takes users from an OIDC provider instead.
 */
public class LocalUsers implements UserDetailsService {

  private final Patrons patrons;
  private final Libraries libraries;
  private final String encodedPassword;

  public LocalUsers(
      Patrons patrons, Libraries libraries, PasswordEncoder encoder, String password) {
    this.patrons = patrons;
    this.libraries = libraries;
    this.encodedPassword = encoder.encode(password);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    if (username.equals("admin")) {
      authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
    } else if (username.equals("manager")) {
      authorities.add(new SimpleGrantedAuthority("ROLE_MANAGER"));
      authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
      authorities.add(new SimpleGrantedAuthority("GROUP_managers"));
    } else if (username.startsWith("staff-")) {
      Library library =
          libraries.all().stream()
              .filter(l -> l.staffGroup().equals(username))
              .findFirst()
              .orElseThrow(() -> new UsernameNotFoundException(username));
      authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
      authorities.add(new SimpleGrantedAuthority("GROUP_" + library.staffGroup()));
    } else {
      Patron patron =
          patrons
              .find(username.toUpperCase())
              .orElseThrow(() -> new UsernameNotFoundException(username));
      authorities.add(new SimpleGrantedAuthority("ROLE_PATRON"));
      return User.withUsername(patron.id())
          .password(encodedPassword)
          .authorities(authorities)
          .build();
    }
    return User.withUsername(username).password(encodedPassword).authorities(authorities).build();
  }
}
