package org.civicflow.domain.audit;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the audit purge daily ({@code civicflow.audit.purge-cron}, 03:30) in the city's time zone —
 * the zone of the application's clock, so that every form {@code civicflow.time-zone} accepts (a
 * region such as {@code Asia/Shanghai} or an offset such as {@code +08:00}) works here too;
 * {@code @Scheduled(zone = …)} accepts region ids only and stopped start-up on an offset.
 */
@Configuration(proxyBeanMethods = false)
class AuditPurgeSchedule implements SchedulingConfigurer {

  private final AuditRetention retention;
  private final Clock clock;
  private final String cron;

  AuditPurgeSchedule(
      AuditRetention retention,
      Clock clock,
      @Value("${civicflow.audit.purge-cron:0 30 3 * * *}") String cron) {
    this.retention = retention;
    this.clock = clock;
    this.cron = cron;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addCronTask(new CronTask(retention::purge, new CronTrigger(cron, clock.getZone())));
  }
}
