package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Audit events are kept at least 180 days; the purge removes only those past the period. */
@MybatisTest
@Import({AuditRetention.class, AuditRetentionTest.Clocks.class})
class AuditRetentionTest {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired AuditRetention retention;
  @Autowired AuditMapper events;

  private void event(String id, Duration age) {
    events.insert(
        new AuditEvent(null, NOW.minus(age), "x", "test.age", "test", id, "OK", null, null));
  }

  @Test
  void purgesOnlyEventsOlderThanTheRetentionPeriod() {
    assertThat(retention.retentionDays()).isEqualTo(365);
    event("old", Duration.ofDays(500));
    event("just-over", Duration.ofDays(365).plusMinutes(1));
    event("just-under", Duration.ofDays(365).minusMinutes(1));
    event("new", Duration.ZERO);

    assertThat(retention.purge()).isEqualTo(2);
    assertThat(events.findByAction("test.age", 10))
        .extracting(AuditEvent::objectId)
        .containsExactlyInAnyOrder("just-under", "new");
  }

  @Test
  void aRetentionBelow180DaysStopsTheStart() {
    AuditRetentionMapper none = (cutoff, limit) -> 0;
    ApplicationContextRunner runner =
        new ApplicationContextRunner()
            .withBean(AuditRetentionMapper.class, () -> none)
            .withBean(Clock.class, Clock::systemUTC)
            .withBean(AuditRetention.class);
    runner
        .withPropertyValues("civicflow.audit.retention-days=90")
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("civicflow.audit.retention-days is 90")
                    .hasMessageContaining("at least 180"));
    for (int days : List.of(180, 400)) {
      runner
          .withPropertyValues("civicflow.audit.retention-days=" + days)
          .run(
              context ->
                  assertThat(context.getBean(AuditRetention.class).retentionDays())
                      .isEqualTo(days));
    }
  }
}
