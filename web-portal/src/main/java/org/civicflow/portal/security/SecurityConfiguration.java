package org.civicflow.portal.security;

import org.civicflow.domain.identity.UserDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach what. The API takes HTTP Basic (clients) or the portal's session; pages use form
 * sign-in. Everything not explicitly public needs a signed-in user; finer checks happen in the
 * services for every action.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
          + "frame-ancestors 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http, org.civicflow.domain.audit.AuditLog audit, UserDirectory users)
      throws Exception {
    JsonSecurityErrors errors = new JsonSecurityErrors(audit);
    http.securityMatcher("/api/**")
        .addFilterAfter(new SessionVersionCheck(users), CsrfFilter.class)
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
        // CSRF guards requests that ride on the portal's session cookie; a request with Basic
        // credentials or without any session cannot be forged from another site.
        .csrf(
            c ->
                c.ignoringRequestMatchers(
                    r -> r.getHeader("Authorization") != null || r.getRequestedSessionId() == null))
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, UserDirectory users) throws Exception {
    http.addFilterAfter(new SessionVersionCheck(users), CsrfFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/",
                        "/public/**",
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
        // the success handler is defaultSuccessUrl("/portal") that also remembers the session
        // version, so that disabling the account ends this session (SessionVersionCheck)
        .formLogin(
            f ->
                f.loginPage("/login")
                    .successHandler(SessionVersionCheck.rememberingSuccessHandler(users, "/portal"))
                    .permitAll())
        .logout(
            l ->
                l.logoutUrl("/logout")
                    .logoutSuccessUrl("/login?logout")
                    .deleteCookies("CIVICFLOW_SESSION"))
        .sessionManagement(s -> s.sessionFixation(f -> f.newSession()))
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }
}
