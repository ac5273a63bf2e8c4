package org.civicflow.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

/** Every sign-in attempt audited with its reason, never a password. */
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

  @Test
  void everyAttemptIsRecordedWithItsReasonAndNeverAPassword() {
    users.insert(new User("zhao.si", "赵四", "{noop}x", null, Set.of(), Instant.now()));
    Instant until = Instant.parse("2026-12-01T10:15:00Z");
    records.failed("zhao.si", new SignInLockouts.Failure(1, null));
    records.failed("zhao.si", new SignInLockouts.Failure(0, until));
    records.refusedLocked("zhao.si", until);
    records.refusedPaced("zhao.si");
    records.refusedDisabled("zhao.si");
    records.signedIn("zhao.si");

    assertThat(audit.forObject("login", "zhao.si"))
        .extracting(AuditEvent::action, AuditEvent::detail)
        .containsExactly(
            tuple("login.failed", "failures=1"),
            tuple("login.failed", "failures=0; address locked until 2026-12-01T10:15:00Z"),
            tuple("login.locked", "address locked until 2026-12-01T10:15:00Z"),
            tuple("login.paced", "account-wide limit"),
            tuple("login.disabled", null),
            tuple("login.success", null));
    assertThat(audit.forObject("login", "zhao.si"))
        .filteredOn(e -> !e.action().equals("login.success"))
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo(SignInRecords.ANONYMOUS);
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
            });
  }

  @Test
  void anUnknownNameIsRecordedAsSuchForTheAdministrator() {
    records.failed("no.such.user", new SignInLockouts.Failure(2, null));
    assertThat(audit.forObject("login", "no.such.user"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(SignInRecords.ANONYMOUS);
              assertThat(e.result()).isEqualTo(AuditLog.DENIED);
              assertThat(e.detail()).isEqualTo("unknown account; failures=2");
            });
  }
}
