package org.civicflow.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Failed sign-ins counted and locking at the limit; every attempt audited, never a password. */
@MybatisTest
@Import({SignInRecords.class, AuditLog.class, SignInRecordsTest.Clocks.class})
class SignInRecordsTest {

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired SignInRecords records;
  @Autowired UserMapper users;
  @Autowired AuditLog audit;

  private User stored(String username) {
    return users.findByUsername(username).orElseThrow();
  }

  @Test
  void failuresInARowLockAtTheLimitAndASuccessStartsTheCountAgain() {
    users.insert(new User("zhao.si", "赵四", "{noop}x", null, Set.of(), Instant.now()));
    assertThat(records.failed("zhao.si", 3)).isFalse();
    records.resetFailures("zhao.si");
    assertThat(stored("zhao.si").getFailedLogins()).isZero();
    assertThat(records.failed("zhao.si", 3)).isFalse();
    assertThat(records.failed("zhao.si", 3)).isFalse();
    assertThat(records.failed("zhao.si", 3)).isTrue();
    assertThat(stored("zhao.si").isLocked()).isTrue();
    records.refusedLocked("zhao.si");
    records.signedIn("zhao.si");

    assertThat(audit.forObject("login", "zhao.si"))
        .extracting(AuditEvent::action, AuditEvent::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("login.failed", "failedLogins=1"),
            org.assertj.core.groups.Tuple.tuple("login.failed", "failedLogins=1"),
            org.assertj.core.groups.Tuple.tuple("login.failed", "failedLogins=2"),
            org.assertj.core.groups.Tuple.tuple("login.failed", "failedLogins=3; account locked"),
            org.assertj.core.groups.Tuple.tuple("login.locked", null),
            org.assertj.core.groups.Tuple.tuple("login.success", null));
  }

  @Test
  void anUnknownNameIsRecordedButNothingIsCounted() {
    assertThat(records.failed("no.such.user", 3)).isFalse();
    assertThat(audit.forObject("login", "no.such.user"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(SignInRecords.ANONYMOUS);
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
              assertThat(e.detail()).isEqualTo("unknown account");
            });
  }
}
