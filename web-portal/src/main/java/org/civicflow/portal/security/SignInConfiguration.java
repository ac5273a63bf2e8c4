package org.civicflow.portal.security;

import java.util.List;
import org.civicflow.domain.identity.SignInLockouts;
import org.civicflow.domain.identity.SignInRecords;
import org.civicflow.domain.identity.UserDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in protection and the client address, with their settings:
 *
 * <ul>
 *   <li>the lockouts of one user name and address and the account-wide limit: {@code
 *       civicflow.security.lockout-*} and {@code civicflow.security.account-limit.*} (see {@code
 *       LockoutSettings} in the domain), applied by {@link LockoutAuthenticationProvider}, the one
 *       password check of the form and of HTTP Basic;
 *   <li>{@code civicflow.security.trusted-proxies} (none): the reverse proxies whose {@code
 *       X-Forwarded-For} tells the client address ({@link ClientAddressFilter}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

  /**
   * The only authentication provider: Spring Security builds its authentication manager around it
   * (and, with it, around no other password check).
   */
  @Bean
  AuthenticationProvider signInProvider(
      UserDirectory users,
      PasswordEncoder passwordEncoder,
      SignInLockouts lockouts,
      SignInRecords records) {
    DaoAuthenticationProvider passwords =
        new DaoAuthenticationProvider(new CivicUserDetailsService(users));
    passwords.setPasswordEncoder(passwordEncoder);
    return new LockoutAuthenticationProvider(passwords, lockouts, records);
  }

  @Bean
  SignInEvents signInEvents(SignInRecords records) {
    return new SignInEvents(records);
  }

  /** The client address by the trusted-proxy rules (also used by the public reply page cache). */
  @Bean
  ClientAddressFilter clientAddresses(
      @Value("${civicflow.security.trusted-proxies:}") List<String> trustedProxies) {
    return new ClientAddressFilter(trustedProxies);
  }

  /** First of all filters, so that everything after it (security, audit) knows the address. */
  @Bean
  FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(ClientAddressFilter filter) {
    FilterRegistrationBean<ClientAddressFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
