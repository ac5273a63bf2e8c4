package org.civicflow.domain.identity;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored as BCrypt hashes only; a successful check is remembered for a few minutes
 * (see {@link RememberedPasswordChecks}) so that HTTP Basic clients do not pay BCrypt per request.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

  @Bean
  @ConditionalOnMissingBean
  PasswordEncoder passwordEncoder() {
    return new RememberedPasswordChecks(
        new BCryptPasswordEncoder(10), Duration.ofMinutes(5), 10_000);
  }
}
