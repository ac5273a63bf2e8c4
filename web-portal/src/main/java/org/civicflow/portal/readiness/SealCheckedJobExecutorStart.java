package org.civicflow.portal.readiness;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.event.JobExecutorStartingEventListener;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Starts the job executor when the application is ready — as Camunda's own listener does — but not
 * on a node that lacks a seal key the stored records use ({@link SealKeyStartupCheck} found it
 * before): whatever that node's jobs sealed, the other nodes could not verify.
 *
 * <p>It takes the place of Camunda's listener instance ({@link Replacing}): the listener's bean is
 * registered by Camunda's auto-configuration unconditionally, and its event method calls {@link
 * #activate()}.
 */
class SealCheckedJobExecutorStart extends JobExecutorStartingEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(SealCheckedJobExecutorStart.class);

  private final ObjectProvider<UnknownSealKeys> unknownKeys;

  SealCheckedJobExecutorStart(JobExecutor jobExecutor, ObjectProvider<UnknownSealKeys> keys) {
    this.jobExecutor = jobExecutor;
    this.unknownKeys = keys;
  }

  @Override
  protected void activate() {
    UnknownSealKeys keys = unknownKeys.getObject();
    if (keys.any()) {
      LOG.error(
          "Job executor not started: this node lacks seal keys {} and must not change shared"
              + " records",
          keys.current());
      return;
    }
    super.activate();
  }

  /** Puts a {@link SealCheckedJobExecutorStart} in the place of Camunda's listener. */
  static final class Replacing implements BeanPostProcessor {

    private final ObjectProvider<JobExecutor> jobExecutor;
    private final ObjectProvider<UnknownSealKeys> unknownKeys;

    Replacing(ObjectProvider<JobExecutor> jobExecutor, ObjectProvider<UnknownSealKeys> keys) {
      this.jobExecutor = jobExecutor;
      this.unknownKeys = keys;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      if (bean instanceof JobExecutorStartingEventListener
          && !(bean instanceof SealCheckedJobExecutorStart)) {
        return new SealCheckedJobExecutorStart(jobExecutor.getObject(), unknownKeys);
      }
      return bean;
    }
  }
}
