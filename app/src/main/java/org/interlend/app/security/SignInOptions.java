package org.interlend.app.security;

import java.util.List;

/**
 * What the sign-in page offers: the password form (demo users, local mode) and/or one link per
 * configured OIDC provider.
 */
public record SignInOptions(boolean passwordForm, List<Provider> providers) {

  public record Provider(String registrationId, String name) {}
}
