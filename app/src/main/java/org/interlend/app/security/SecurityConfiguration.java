package org.interlend.app.security;

import org.interlend.libraries.Libraries;
import org.interlend.patrons.Patrons;
import org.interlend.platform.SettingProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may do what. The REST API ({@code /api/**}) is stateless with HTTP Basic (no cookies, so no
 * CSRF exposure); the pages use a sign-in form, a session and CSRF tokens on every form. Patrons
 * see only their own requests (checked in the controllers); staff pages need a staff role.
 */
@Configuration
public class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
    if (!(demoUsers == null ? local : demoUsers)) {
      // production: users come from the OIDC provider; no password sign-in at all
      return username -> {
        throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
      };
    }
    if (!local && "demo".equals(password)) {
      throw new SettingProblem(
          "interlend.security.demo-password",
          "demo users on a shared database need a password of your own");
    }
    return new LocalUsers(patrons, libraries, encoder, password);
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/api/staff/**").hasRole("STAFF")
                    .anyRequest().authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.disable())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/interlend.css", "/favicon.ico", "/login", "/error")
                    .permitAll()
                    .requestMatchers("/desk/**", "/staff/**")
                    .hasRole("STAFF")
                    .anyRequest()
                    .authenticated())
        .formLogin(Customizer.withDefaults())
        .logout(Customizer.withDefaults())
        .build();
  }
}
