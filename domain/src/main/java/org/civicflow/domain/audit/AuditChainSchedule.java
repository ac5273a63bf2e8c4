package org.civicflow.domain.audit;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the chainer on every node every {@code civicflow.audit.chain-interval} (5 s; the anchor's
 * lock lets one node at a time chain), and the daily verification at {@code
 * civicflow.audit.verify-cron} (04:00, after the purge) in the city's time zone (see {@link
 * AuditPurgeSchedule} for why not {@code @Scheduled(zone = …)}).
 */
@Configuration(proxyBeanMethods = false)
class AuditChainSchedule implements org.springframework.scheduling.annotation.SchedulingConfigurer {

  private final AuditChainer chainer;
  private final AuditVerification verification;
  private final org.civicflow.domain.integrity.UnknownSealKeys unknownKeys;
  private final Clock clock;
  private final Duration interval;
  private final String verifyCron;

  AuditChainSchedule(
      AuditChainer chainer,
      AuditVerification verification,
      org.civicflow.domain.integrity.UnknownSealKeys unknownKeys,
      Clock clock,
      @Value("${civicflow.audit.chain-interval:PT5S}") Duration interval,
      @Value("${civicflow.audit.verify-cron:0 0 4 * * *}") String verifyCron) {
    this.chainer = chainer;
    this.verification = verification;
    this.unknownKeys = unknownKeys;
    this.clock = clock;
    this.interval = interval;
    this.verifyCron = verifyCron;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(chainer::chainAll, interval, interval));
    registrar.addCronTask(
        new CronTask(this::verifyDaily, new CronTrigger(verifyCron, clock.getZone())));
  }

  /**
   * Not on a node out of service for want of a key: it would store "cannot verify" as the day's.
   */
  private void verifyDaily() {
    if (!unknownKeys.any()) {
      verification.verifyDaily();
    }
  }
}
