package org.civicflow.portal.readiness;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.civicflow.domain.integrity.SealKeyMissing;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Before anything else at start-up, reads which seal keys the stored records use. A node that lacks
 * one of them must change nothing shared: every seal it would make (a state change by a job, a
 * sign-off) would be one the other nodes cannot verify. So its job executor stops, and its requests
 * get 503 ({@link StartupGate}) — at start-up, and whenever such a key is met later.
 */
@Component
@Order(0)
class SealKeyStartupCheck implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SealKeyStartupCheck.class);

  private final UnknownSealKeys unknownKeys;
  private final ProcessEngineConfigurationImpl engine;

  SealKeyStartupCheck(UnknownSealKeys unknownKeys, ProcessEngineConfigurationImpl engine) {
    this.unknownKeys = unknownKeys;
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    unknownKeys.recheck();
    if (!unknownKeys.any()) {
      LOG.info(
          "Seal keys: this node holds every key the stored records use ({} makes new seals)",
          unknownKeys.currentId());
    }
  }

  @EventListener
  void keyMissing(SealKeyMissing event) {
    JobExecutor jobs = engine.getJobExecutor();
    if (jobs != null && jobs.isActive()) {
      jobs.shutdown();
      LOG.error(
          "Job executor stopped: this node lacks seal key {} and must not change shared records",
          event.keyId());
    }
  }
}
