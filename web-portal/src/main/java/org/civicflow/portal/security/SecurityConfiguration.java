package org.civicflow.portal.security;

import org.civicflow.domain.identity.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may reach what. The API takes HTTP Basic (clients) or the portal's session; pages use form
 * sign-in. Everything not explicitly public needs a signed-in user; finer checks happen in the
 * services for every action.
 *
 * <p>Around sign-in ({@link SignInConfiguration}): failures lock the pair of user name and address
 * for a while and an account-wide limit paces spraying, every refusal looking the same ({@link
 * LockoutAuthenticationProvider}); a person who must set their own password is held to that ({@link
 * PasswordChangeRequired}); every 401 and 403 is audited ({@link DeniedAccessAudit}; those of
 * callers not signed in per address and minute, {@link AnonymousRefusals}). Sessions are stored in
 * the database by Spring Session JDBC, so every node accepts them.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'";

  /**
   * The filter chain, the sign-ins and the access decisions are not wrapped in Micrometer
   * observations: nothing reads them (only health and info are exposed), and each of the chain's
   * fifteen-odd filters otherwise opens and closes an observation scope on every request. Sign-ins
   * and refusals are in the audit log; request timings stay in {@code http.server.requests}.
   */
  @Bean
  static org.springframework.security.config.observation.SecurityObservationSettings
      securityObservationSettings() {
    return org.springframework.security.config.observation.SecurityObservationSettings
        .noObservations();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      org.civicflow.domain.audit.AuditLog audit,
      UserDirectory users,
      AnonymousRefusals anonymous)
      throws Exception {
    JsonSecurityErrors errors = new JsonSecurityErrors();
    http.securityMatcher("/api/**")
        .addFilterBefore(new DeniedAccessAudit(audit, anonymous), CsrfFilter.class)
        .addFilterAfter(new SessionVersionCheck(users), CsrfFilter.class)
        .addFilterBefore(PasswordChangeRequired.forApi(), AuthorizationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers("/api/v1/public/**")
                    .permitAll()
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        // No WWW-Authenticate challenge: browsers then never cache Basic credentials, so a
        // request carrying them cannot be forged cross-site and needs no CSRF token.
        .httpBasic(b -> b.authenticationEntryPoint(errors))
        .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
        // CSRF guards every request that carries the portal's session cookie, whatever else it
        // carries: a session is signed in by the cookie alone, so an Authorization header beside it
        // proves nothing. A request without the cookie (a Basic client, an anonymous caller)
        // cannot ride on anyone's session and needs no token.
        .csrf(c -> c.ignoringRequestMatchers(r -> r.getRequestedSessionId() == null))
        // ...and the API never starts a session, so a Basic client never gets that cookie, even
        // when it keeps a cookie jar: its sign-in lives for the request, and a refused request is
        // not remembered for a sign-in page to come back to. The portal's session, made by the
        // sign-in form, is still used by the pages' scripts.
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(r -> r.requestCache(new NullRequestCache()))
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(
      HttpSecurity http,
      org.civicflow.domain.audit.AuditLog audit,
      UserDirectory users,
      AnonymousRefusals anonymous)
      throws Exception {
    http.addFilterBefore(new DeniedAccessAudit(audit, anonymous), CsrfFilter.class)
        .addFilterAfter(new SessionVersionCheck(users), CsrfFilter.class)
        .addFilterBefore(PasswordChangeRequired.forPages(), AuthorizationFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/",
                        "/public/**",
                        "/verify",
                        "/verify/**",
                        "/login",
                        "/error",
                        "/css/**",
                        "/js/**",
                        "/img/**",
                        "/favicon.ico",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        // checking a letter (POST /verify) changes nothing and answers only the one who asked:
        // no CSRF token, so that the public upload form needs no session
        .csrf(c -> c.ignoringRequestMatchers("/verify"))
        // the success handler is defaultSuccessUrl("/portal") that also remembers the session
        // version, so that disabling the account ends this session (SessionVersionCheck)
        .formLogin(
            f ->
                f.loginPage("/login")
                    .successHandler(SessionVersionCheck.rememberingSuccessHandler(users, "/portal"))
                    .failureHandler(signInFailure())
                    .permitAll())
        .logout(
            l ->
                l.logoutUrl("/logout")
                    .logoutSuccessUrl("/login?logout")
                    .deleteCookies("CIVICFLOW_SESSION"))
        // a new session (and id) at sign-in; with Spring Session the old one is deleted
        .sessionManagement(s -> s.sessionFixation(f -> f.newSession()))
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  /**
   * A refused sign-in goes back to the sign-in page with {@code ?error}, whatever the reason: wrong
   * password, unknown user, disabled account and locked address look the same.
   */
  private static AuthenticationFailureHandler signInFailure() {
    SimpleUrlAuthenticationFailureHandler handler =
        new SimpleUrlAuthenticationFailureHandler("/login?error");
    // no session just to remember why; the page says it from the parameter
    handler.setAllowSessionCreation(false);
    return handler;
  }
}
