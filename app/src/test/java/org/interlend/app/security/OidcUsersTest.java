package org.interlend.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.interlend.InterlendApplication;
import org.interlend.patrons.Patrons;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.context.ActiveProfiles;

/**
 * Production sign-in: OIDC claims map to a patron (configurable claim) and to staff roles (groups).
 */
@SpringBootTest(
    classes = InterlendApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcUsersTest {

  @Autowired Patrons patrons;

  private OidcUsers mapper() {
    return new OidcUsers(patrons, new OidcSettings("library_card", "groups", null, null, null));
  }

  private static OidcIdToken token(Map<String, Object> claims) {
    return OidcIdToken.withTokenValue("t")
        .issuer("https://idp.example")
        .subject("sub-123")
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(300))
        .claims(c -> c.putAll(claims))
        .build();
  }

  @Test
  void thePatronClaimNamesThePatronAndIsTheUsersName() {
    OidcUser user =
        mapper().map(token(Map.of("library_card", "p1002", "preferred_username", "meiling")), null);
    assertThat(user.getName()).isEqualTo("P1002");
    assertThat(AuthorityUtils.authorityListToSet(user.getAuthorities()))
        .containsExactly("ROLE_PATRON");
  }

  @Test
  void staffAndManagerRolesComeFromTheGroupsClaim() {
    OidcUser staff =
        mapper()
            .map(
                token(
                    Map.of(
                        "preferred_username",
                        "amy",
                        "groups",
                        List.of("/library/staff-hku", "readers"))),
                null);
    assertThat(staff.getName()).isEqualTo("amy");
    assertThat(AuthorityUtils.authorityListToSet(staff.getAuthorities()))
        .containsExactlyInAnyOrder("ROLE_STAFF", "GROUP_staff-hku");

    OidcUser manager =
        mapper()
            .map(
                token(Map.of("preferred_username", "boss", "groups", "managers staff-cityu")),
                null);
    assertThat(AuthorityUtils.authorityListToSet(manager.getAuthorities()))
        .contains("ROLE_MANAGER", "ROLE_STAFF", "GROUP_managers", "GROUP_staff-cityu");
  }

  @Test
  void aUserWhoIsNeitherAPatronNorStaffIsRefused() {
    assertThatThrownBy(
            () ->
                mapper()
                    .map(
                        token(Map.of("library_card", "X0000", "groups", List.of("readers"))), null))
        .isInstanceOf(OAuth2AuthenticationException.class)
        .hasMessageContaining("library_card");
  }
}
