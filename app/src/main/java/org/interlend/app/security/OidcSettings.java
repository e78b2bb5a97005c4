package org.interlend.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How OIDC users map to Interlend users ({@code interlend.security.oidc.*}).
 *
 * @param patronClaim the claim holding the library card number (patron id), e.g. {@code
 *     library_card} or {@code preferred_username}
 * @param groupsClaim the claim listing the user's groups ({@code staff-<library>}, {@code
 *     managers})
 * @param usernameClaim the claim naming a staff user (shown as the actor in histories)
 * @param managerGroup the group that gives the MANAGER role (cost approval)
 * @param adminGroup the group that gives the ADMIN role (incidents, all mail)
 */
@ConfigurationProperties("interlend.security.oidc")
public record OidcSettings(
    String patronClaim,
    String groupsClaim,
    String usernameClaim,
    String managerGroup,
    String adminGroup) {

  public OidcSettings {
    patronClaim = blankTo(patronClaim, "preferred_username");
    groupsClaim = blankTo(groupsClaim, "groups");
    usernameClaim = blankTo(usernameClaim, "preferred_username");
    managerGroup = blankTo(managerGroup, "managers");
    adminGroup = blankTo(adminGroup, "interlend-admins");
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
