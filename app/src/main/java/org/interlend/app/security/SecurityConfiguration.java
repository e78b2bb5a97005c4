package org.interlend.app.security;

import java.util.ArrayList;
import java.util.List;
import org.interlend.libraries.Libraries;
import org.interlend.patrons.Patrons;
import org.interlend.platform.SettingProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may do what. The REST API ({@code /api/**}) is stateless with HTTP Basic (no cookies, so no
 * CSRF exposure); the pages use a sign-in page ({@code /login}: a password form for the demo users
 * of local mode, and a link per OIDC provider in production), a session, and CSRF tokens on every
 * form. Patrons see only their own requests (checked in the controllers: another patron's request
 * is "not found"); the portal needs the PATRON role, staff pages the STAFF role.
 *
 * <p>Production sign-in is OIDC ({@code spring.security.oauth2.client.registration.<id>.*}, see
 * docs/security.md): {@link OidcUsers} maps the signed-in user to a patron by the claim {@code
 * interlend.security.oidc.patron-claim} and to staff and manager roles by {@code
 * interlend.security.oidc.groups-claim}.
 */
@Configuration
@EnableConfigurationProperties(OidcSettings.class)
public class SecurityConfiguration {

  /** Pages anyone may open, signed in or not. */
  static final String[] PUBLIC_PAGES = {
    "/actuator/health/**",
    "/actuator/health",
    "/actuator/info",
    "/interlend.css",
    "/portal.css",
    "/favicon.ico",
    "/login",
    "/error",
    "/v3/api-docs",
    "/v3/api-docs/**",
    "/v3/api-docs.yaml",
    "/swagger-ui.html",
    "/swagger-ui/**"
  };

  /**
   * The page's own origin only: scripts, styles, images and fonts from Interlend itself (no inline
   * script; inline style attributes, which form-js's rendering uses, are allowed), no plugins, no
   * framing, forms posted back to Interlend only; and no Referer beyond the origin for other sites.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none';"
          + " base-uri 'self'; form-action 'self'";

  static void headers(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          h) {
    h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .referrerPolicy(
            r ->
                r.policy(
                    org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                        .ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .frameOptions(f -> f.deny());
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** Whether the demo users (patron card numbers, staff-*, manager) may sign in with a password. */
  static boolean demoUsers(Boolean setting, String dbUrl) {
    boolean local = dbUrl == null || dbUrl.isBlank();
    return setting == null ? local : setting;
  }

  @Bean
  UserDetailsService localUsers(
      Patrons patrons,
      Libraries libraries,
      PasswordEncoder encoder,
      @Value("${interlend.security.demo-users:#{null}}") Boolean demoUsers,
      @Value("${interlend.db.url:}") String dbUrl,
      @Value("${interlend.security.demo-password:demo}") String password) {
    boolean local = dbUrl == null || dbUrl.isBlank();
    if (!demoUsers(demoUsers, dbUrl)) {
      // production: users come from the OIDC provider; no password sign-in at all
      return username -> {
        throw new UsernameNotFoundException(username);
      };
    }
    if (!local && (password == null || password.isBlank() || "demo".equals(password))) {
      throw new SettingProblem(
          "interlend.security.demo-password",
          "demo users on a shared database need a password of your own");
    }
    return new LocalUsers(patrons, libraries, encoder, password);
  }

  @Bean
  SignInOptions signInOptions(
      ObjectProvider<ClientRegistrationRepository> registrations,
      @Value("${interlend.security.demo-users:#{null}}") Boolean demoUsers,
      @Value("${interlend.db.url:}") String dbUrl) {
    List<SignInOptions.Provider> providers = new ArrayList<>();
    if (registrations.getIfAvailable() instanceof InMemoryClientRegistrationRepository repository) {
      for (ClientRegistration r : repository) {
        providers.add(new SignInOptions.Provider(r.getRegistrationId(), r.getClientName()));
      }
    }
    return new SignInOptions(demoUsers(demoUsers, dbUrl), List.copyOf(providers));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      ObjectProvider<JwtDecoder> jwt,
      Patrons patrons,
      OidcSettings oidc,
      SignInThrottle throttle)
      throws Exception {
    http.securityMatcher("/api/**")
        .addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class)
        .headers(SecurityConfiguration::headers)
        .authorizeHttpRequests(
            a -> a.requestMatchers("/api/staff/**").hasRole("STAFF").anyRequest().authenticated())
        .httpBasic(
            b ->
                b.authenticationEntryPoint(
                    SignInOutage.entryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                    SignInOutage.entryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable());
    if (jwt.getIfAvailable() != null) {
      // production API clients: OIDC access tokens (spring.security.oauth2.resourceserver.jwt.*),
      // mapped to Interlend users by the same claims as the sign-in
      OidcUsers users = new OidcUsers(patrons, oidc);
      http.oauth2ResourceServer(
          o ->
              o.jwt(
                      j ->
                          j.jwtAuthenticationConverter(
                              token -> {
                                OidcUsers.Identity who =
                                    users.identify(token.getClaims(), token.getSubject());
                                return new JwtAuthenticationToken(
                                    token, who.authorities(), who.name());
                              }))
                  .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
    }
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      ObjectProvider<ClientRegistrationRepository> registrations,
      Patrons patrons,
      OidcSettings oidc,
      SignInThrottle throttle)
      throws Exception {
    http.addFilterBefore(
            new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .headers(SecurityConfiguration::headers)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(PUBLIC_PAGES)
                    .permitAll()
                    .requestMatchers("/staff/statistics", "/staff/statistics/**")
                    .hasRole("MANAGER")
                    // the local engine's clock, the smoke check and all mail: administrators
                    .requestMatchers(
                        "/desk/admin", "/desk/clock", "/desk/smoke", "/desk/mail", "/desk/mail/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/desk/**", "/staff/**")
                    .hasAnyRole("STAFF", "MANAGER", "ADMIN")
                    .requestMatchers("/portal/**")
                    .hasRole("PATRON")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(SignInOutage.formFailure())
                    .permitAll())
        .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll());
    if (registrations.getIfAvailable() != null) {
      OidcUsers users = new OidcUsers(patrons, oidc);
      http.oauth2Login(
          o ->
              o.loginPage("/login")
                  .defaultSuccessUrl("/", false)
                  .userInfoEndpoint(u -> u.oidcUserService(users)));
    }
    return http.build();
  }
}
