package org.civicflow.portal.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.civicflow.domain.identity.SignInRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Sign-in protection and the client address, with their settings:
 *
 * <ul>
 *   <li>{@code civicflow.security.lock-after} (10): failed sign-ins in a row that lock an account
 *       until an administrator unlocks it;
 *   <li>{@code civicflow.security.throttle.max-failures} (5) within {@code
 *       civicflow.security.throttle.window} (1 minute): failures of one user name from one address
 *       after which further attempts are refused for a while ({@link SignInThrottle});
 *   <li>{@code civicflow.security.trusted-proxies} (none): the reverse proxies whose {@code
 *       X-Forwarded-For} tells the client address ({@link ClientAddressFilter}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

  @Bean
  SignInThrottle signInThrottle(
      @Value("${civicflow.security.throttle.max-failures:5}") int maxFailures,
      @Value("${civicflow.security.throttle.window:PT1M}") Duration window,
      Clock clock) {
    if (maxFailures < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalStateException(
          "civicflow.security.throttle.max-failures must be at least 1 and"
              + " civicflow.security.throttle.window positive");
    }
    return new SignInThrottle(maxFailures, window, clock);
  }

  @Bean
  SignInEvents signInEvents(
      SignInRecords records,
      SignInThrottle throttle,
      @Value("${civicflow.security.lock-after:10}") int lockAfter) {
    if (lockAfter < 1) {
      throw new IllegalStateException("civicflow.security.lock-after must be at least 1");
    }
    return new SignInEvents(records, throttle, lockAfter);
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
