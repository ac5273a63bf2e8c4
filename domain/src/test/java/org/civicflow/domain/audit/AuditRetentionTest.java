package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Audit events are kept at least 180 days; the daily purge deletes what is older than the period
 * (how, keeping the chain verifiable: {@link AuditChainPurgeDatabaseTest}).
 */
class AuditRetentionTest {

  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @Test
  void purgesWhatIsOlderThanTheRetentionPeriod() {
    AuditChainPurge purge = mock(AuditChainPurge.class);
    when(purge.deleteBefore(any(), anyString())).thenReturn(2);
    AuditRetention retention = new AuditRetention(purge, Clock.fixed(NOW, ZoneOffset.UTC), 365);

    assertThat(retention.purge()).isEqualTo(2);
    verify(purge).deleteBefore(eq(NOW.minus(Duration.ofDays(365))), eq("retention of 365 days"));
  }

  @Test
  void aRetentionBelow180DaysStopsTheStart() {
    ApplicationContextRunner runner =
        new ApplicationContextRunner()
            .withBean(AuditChainPurge.class, () -> mock(AuditChainPurge.class))
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
