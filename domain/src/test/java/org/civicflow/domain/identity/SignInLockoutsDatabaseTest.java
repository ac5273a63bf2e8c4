package org.civicflow.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.civicflow.domain.identity.SignInLockouts.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lockout rules on the database (H2, and MariaDB in the database suite), with a hand-moved
 * clock: lock after five failures of a pair, refuse unchecked while locked without extending, end
 * after the duration, double for a lockout within the memory period up to the cap, a success clears
 * the pair; unknown names behave like known ones; the account-wide limit paces addresses that are
 * not known for the name and leaves known ones alone.
 */
@MybatisTest
class SignInLockoutsDatabaseTest {

  static final LockoutPolicy POLICY =
      new LockoutPolicy(
          5,
          Duration.ofMinutes(15),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(24),
          10,
          Duration.ofHours(1),
          Duration.ofSeconds(5),
          Duration.ofDays(30));

  /** A clock moved by hand. */
  static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-01T08:00:00Z");

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

    void move(Duration d) {
      now = now.plus(d);
    }
  }

  @Autowired SignInLockMapper mapper;
  @Autowired UserMapper users;
  final Hand clock = new Hand();
  SignInLockouts lockouts;
  AddressLocks locks;

  @BeforeEach
  void lockouts() {
    lockouts = new SignInLockouts(mapper, POLICY, clock);
    locks = new AddressLocks(mapper, POLICY, clock);
  }

  private SignInLockouts.Failure fail(String name, String address) {
    SignInLockouts.Attempt attempt = lockouts.begin(name, address);
    assertThat(attempt.verdict()).as("%s from %s", name, address).isEqualTo(Verdict.CHECK);
    return lockouts.failed(attempt);
  }

  private Verdict verdict(String name, String address) {
    return lockouts.begin(name, address).verdict();
  }

  @Test
  void fiveFailuresLockThePairForTheDurationOnlyAndOnlyThere() {
    for (int i = 1; i <= 4; i++) {
      assertThat(fail("Admin ", "192.0.2.1").failures()).isEqualTo(i);
    }
    SignInLockouts.Failure fifth = fail("admin", "192.0.2.1");
    assertThat(fifth.lockedUntil()).isEqualTo(clock.now.plus(Duration.ofMinutes(15)));

    // refused unchecked, and asking again and again does not extend the lock
    for (int i = 0; i < 100; i++) {
      SignInLockouts.Attempt refused = lockouts.begin("ADMIN", "192.0.2.1");
      assertThat(refused.verdict()).isEqualTo(Verdict.LOCKED);
      assertThat(refused.lockedUntil()).isEqualTo(fifth.lockedUntil());
    }
    // another address, another name from the same address: not affected
    assertThat(verdict("admin", "192.0.2.2")).isEqualTo(Verdict.CHECK);
    assertThat(verdict("registrar", "192.0.2.1")).isEqualTo(Verdict.CHECK);

    clock.move(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(verdict("admin", "192.0.2.1")).isEqualTo(Verdict.LOCKED);
    clock.move(Duration.ofSeconds(1));
    assertThat(verdict("admin", "192.0.2.1")).isEqualTo(Verdict.CHECK);
  }

  @Test
  void aLockoutSoonAfterTheLastOneLastsTwiceAsLongUpToTheCap() {
    // (the account-wide limit out of the way: it would pace this one address too)
    lockouts =
        new SignInLockouts(
            mapper,
            new LockoutPolicy(
                5,
                POLICY.lockoutWindow(),
                POLICY.lockoutDuration(),
                POLICY.lockoutMax(),
                POLICY.lockoutMemory(),
                1000,
                POLICY.accountWindow(),
                POLICY.accountPace(),
                POLICY.knownAddressFor()),
            clock);
    Duration[] expected = {
      Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(1)
    };
    for (Duration length : expected) {
      Instant start = clock.now;
      for (int i = 0; i < 4; i++) {
        fail("sprayed", "203.0.113.5");
      }
      assertThat(fail("sprayed", "203.0.113.5").lockedUntil()).isEqualTo(start.plus(length));
      clock.move(length);
    }
    // a day after the last lock ended, the pair starts again at the first length
    clock.move(Duration.ofHours(24));
    Instant start = clock.now;
    for (int i = 0; i < 4; i++) {
      fail("sprayed", "203.0.113.5");
    }
    assertThat(fail("sprayed", "203.0.113.5").lockedUntil())
        .isEqualTo(start.plus(Duration.ofMinutes(15)));
  }

  @Test
  void failuresOutsideTheWindowStartTheCountAgainAndASuccessClearsThePair() {
    for (int i = 0; i < 4; i++) {
      fail("slow", "198.51.100.7");
    }
    clock.move(Duration.ofMinutes(15));
    assertThat(fail("slow", "198.51.100.7").failures()).isEqualTo(1);
    fail("slow", "198.51.100.7");
    lockouts.succeeded(lockouts.begin("slow", "198.51.100.7"));
    for (int i = 1; i <= 4; i++) {
      assertThat(fail("slow", "198.51.100.7").failures()).isEqualTo(i);
    }
  }

  @Test
  void unknownNamesLockExactlyLikeKnownOnes() {
    users.insert(new User("known.one", "甲", "{noop}x", null, java.util.Set.of(), clock.now));
    for (String name : new String[] {"known.one", "unknown.one"}) {
      for (int i = 0; i < 4; i++) {
        fail(name, "192.0.2.9");
      }
      assertThat(fail(name, "192.0.2.9").lockedUntil()).isNotNull();
      assertThat(verdict(name, "192.0.2.9")).isEqualTo(Verdict.LOCKED);
    }
    // the administrator sees the locks of accounts only
    assertThat(locks.activeLocks())
        .extracting(AddressLock::username, AddressLock::address)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("known.one", "192.0.2.9"));
  }

  @Test
  void sprayingFromManyAddressesPacesUnknownAddressesButNotKnownOnes() {
    // the person signs in from home
    lockouts.succeeded(lockouts.begin("target", "10.1.1.1"));
    // ten failures from ten addresses: no pair locks, the account-wide limit is reached
    for (int i = 0; i < 10; i++) {
      fail("target", "203.0.113." + i);
    }
    // from an address not known for the name: one check per five seconds between them all
    assertThat(verdict("target", "198.51.100.1")).isEqualTo(Verdict.CHECK);
    assertThat(verdict("target", "198.51.100.2")).isEqualTo(Verdict.PACED);
    assertThat(verdict("target", "198.51.100.1")).isEqualTo(Verdict.PACED);
    // the known address is never held up, and other names are not affected
    for (int i = 0; i < 3; i++) {
      assertThat(verdict("target", "10.1.1.1")).isEqualTo(Verdict.CHECK);
    }
    assertThat(verdict("someone.else", "198.51.100.2")).isEqualTo(Verdict.CHECK);
    clock.move(Duration.ofSeconds(5));
    assertThat(verdict("target", "198.51.100.2")).isEqualTo(Verdict.CHECK);
    assertThat(verdict("target", "198.51.100.3")).isEqualTo(Verdict.PACED);
    // an hour after the window began, the limit is lifted
    clock.move(Duration.ofHours(1));
    assertThat(verdict("target", "198.51.100.3")).isEqualTo(Verdict.CHECK);
    assertThat(verdict("target", "198.51.100.4")).isEqualTo(Verdict.CHECK);
  }

  @Test
  void staleRowsArePurgedAndLocksInForceKept() {
    fail("old.name", "192.0.2.40");
    for (int i = 0; i < 5; i++) {
      fail("locked.name", "192.0.2.41");
    }
    clock.move(Duration.ofDays(31));
    for (int i = 0; i < 5; i++) {
      fail("locked.name", "192.0.2.42");
    }
    // the two old pairs and old.name's account row
    assertThat(locks.purge()).isEqualTo(3);
    assertThat(verdict("locked.name", "192.0.2.42")).isEqualTo(Verdict.LOCKED);
  }

  @Test
  void longNamesAreHashedAndSettingsChecked() {
    String key = SignInLockouts.key("x".repeat(500));
    assertThat(key).startsWith("#").hasSize(65);
    assertThat(SignInLockouts.key(" Admin ")).isEqualTo("admin");
    assertThatThrownBy(
            () ->
                new LockoutPolicy(
                    5,
                    Duration.ofMinutes(15),
                    Duration.ofHours(1),
                    Duration.ofMinutes(30),
                    Duration.ofHours(24),
                    10,
                    Duration.ofHours(1),
                    Duration.ofSeconds(5),
                    Duration.ofDays(30)))
        .hasMessageContaining("lockout-max");
  }
}
