package org.civicflow.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberedPasswordChecksTest {

  final AtomicInteger bcryptChecks = new AtomicInteger();
  final BCryptPasswordEncoder real = new BCryptPasswordEncoder(4);
  final PasswordEncoder counted =
      new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
          return real.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
          bcryptChecks.incrementAndGet();
          return real.matches(raw, encoded);
        }
      };
  final RememberedPasswordChecks checks =
      new RememberedPasswordChecks(counted, Duration.ofMinutes(5), 100);

  @Test
  void aSuccessfulCheckIsRememberedForTheSameStoredHash() {
    String hash = checks.encode("Demo@12345");
    assertThat(checks.matches("Demo@12345", hash)).isTrue();
    assertThat(checks.matches("Demo@12345", hash)).isTrue();
    assertThat(bcryptChecks).hasValue(1);
  }

  @Test
  void wrongPasswordsAreAlwaysCheckedAndRefused() {
    String hash = checks.encode("Demo@12345");
    assertThat(checks.matches("Demo@12345", hash)).isTrue();
    assertThat(checks.matches("demo@12345", hash)).isFalse();
    assertThat(checks.matches("demo@12345", hash)).isFalse();
    assertThat(bcryptChecks).hasValue(3);
  }

  @Test
  void aChangedPasswordIsNotAcceptedFromMemory() {
    String old = checks.encode("Demo@12345");
    assertThat(checks.matches("Demo@12345", old)).isTrue();
    String changed = checks.encode("New@54321xy");
    assertThat(checks.matches("Demo@12345", changed)).isFalse();
    assertThat(checks.matches("New@54321xy", changed)).isTrue();
  }
}
