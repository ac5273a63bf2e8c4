package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.SimpleTriggerContext;

class AuditPurgeScheduleTest {

  private static Instant nextPurge(String zone) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneId.of(zone));
    AuditRetention retention = new AuditRetention(null, clock, 365);
    ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
    new AuditPurgeSchedule(retention, clock, "0 30 3 * * *").configureTasks(registrar);
    CronTask task = registrar.getCronTaskList().get(0);
    return task.getTrigger().nextExecution(new SimpleTriggerContext(clock));
  }

  @Test
  void purgesAtHalfPastThreeInTheCitysZoneGivenAsARegion() {
    assertThat(nextPurge("Asia/Shanghai")).isEqualTo(Instant.parse("2026-11-29T19:30:00Z"));
  }

  @Test
  void acceptsAnOffsetAsTheCitysZone() {
    assertThat(nextPurge("-02:00")).isEqualTo(Instant.parse("2026-11-29T05:30:00Z"));
  }
}
