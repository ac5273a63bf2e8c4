package org.civicflow.domain.identity;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sign-in lockout settings ({@code civicflow.security.*}, ISO-8601 durations):
 *
 * <ul>
 *   <li>{@code lockout-after} (5) failures of one user name from one address within {@code
 *       lockout-window} (PT15M) lock that pair for {@code lockout-duration} (PT15M); a lockout that
 *       follows the end of the pair's previous one within {@code lockout-memory} (PT24H) lasts
 *       twice as long as that one, up to {@code lockout-max} (PT4H);
 *   <li>{@code account-limit.failures} (20) failures of one user name from any addresses within
 *       {@code account-limit.window} (PT1H) pace the attempts from addresses that have not signed
 *       in to that name within {@code account-limit.known-address-for} (P30D): one password check
 *       per {@code account-limit.pace} (PT5S) for all of them together.
 * </ul>
 *
 * <p>Lockouts run on the wall clock of the node ({@link Clock#systemUTC()}), not on the
 * application's clock, which follows the process engine and is moved by the demo data and by tests:
 * a lockout is about real minutes. Nodes run NTP (README).
 */
@Configuration(proxyBeanMethods = false)
class LockoutSettings {

  @Bean
  LockoutPolicy lockoutPolicy(
      @Value("${civicflow.security.lockout-after:5}") int lockoutAfter,
      @Value("${civicflow.security.lockout-window:PT15M}") Duration lockoutWindow,
      @Value("${civicflow.security.lockout-duration:PT15M}") Duration lockoutDuration,
      @Value("${civicflow.security.lockout-max:PT4H}") Duration lockoutMax,
      @Value("${civicflow.security.lockout-memory:PT24H}") Duration lockoutMemory,
      @Value("${civicflow.security.account-limit.failures:20}") int accountFailures,
      @Value("${civicflow.security.account-limit.window:PT1H}") Duration accountWindow,
      @Value("${civicflow.security.account-limit.pace:PT5S}") Duration accountPace,
      @Value("${civicflow.security.account-limit.known-address-for:P30D}")
          Duration knownAddressFor) {
    return new LockoutPolicy(
        lockoutAfter,
        lockoutWindow,
        lockoutDuration,
        lockoutMax,
        lockoutMemory,
        accountFailures,
        accountWindow,
        accountPace,
        knownAddressFor);
  }

  @Bean
  SignInLockouts signInLockouts(SignInLockMapper mapper, LockoutPolicy policy) {
    return new SignInLockouts(mapper, policy, Clock.systemUTC());
  }

  @Bean
  AddressLocks addressLocks(SignInLockMapper mapper, LockoutPolicy policy) {
    return new AddressLocks(mapper, policy, Clock.systemUTC());
  }
}
