package org.civicflow.portal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Five failures a minute per name and address, then a wait until the oldest is a minute old. */
class SignInThrottleTest {

  /** A clock the test moves on. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-01-05T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void refusesAfterFiveFailuresWithinAMinuteUntilTheOldestIsAMinuteOld() {
    Hand clock = new Hand();
    SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(1), clock);
    String key = SignInThrottle.key(" Someone ", "10.0.0.1");
    assertThat(key).isEqualTo(SignInThrottle.key("someone", "10.0.0.1"));
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.retryAfter(key)).isZero();
      throttle.failed(key);
      clock.now = clock.now.plusSeconds(5);
    }
    assertThat(throttle.retryAfter(key)).isEqualTo(Duration.ofSeconds(35));
    assertThat(throttle.retryAfter(SignInThrottle.key("someone", "10.0.0.2"))).isZero();
    clock.now = clock.now.plusSeconds(35);
    assertThat(throttle.retryAfter(key)).isZero();
    throttle.failed(key);
    assertThat(throttle.retryAfter(key)).isEqualTo(Duration.ofSeconds(5));
    throttle.succeeded(key);
    assertThat(throttle.retryAfter(key)).isZero();
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    Hand clock = new Hand();
    SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(1), clock);
    String key = SignInThrottle.key("slow", "10.0.0.1");
    for (int i = 0; i < 20; i++) {
      throttle.failed(key);
      clock.now = clock.now.plusSeconds(13);
      assertThat(throttle.retryAfter(key)).as("failure %d", i).isZero();
    }
  }
}
