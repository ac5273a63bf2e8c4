package org.civicflow.portal.readiness;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The start-up gate, right after the client address is known and before security; the job executor
 * started only on a node that holds the seal keys in use.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

  @Bean
  StartupGate startupGate(
      UnknownSealKeys unknownKeys, MessageSource messages, LocaleResolver localeResolver) {
    return new StartupGate(unknownKeys, messages, localeResolver);
  }

  /** Camunda's starter of the job executor, made to check the seal keys first. */
  @Bean
  static SealCheckedJobExecutorStart.Replacing sealCheckedJobExecutorStart(
      ObjectProvider<JobExecutor> jobExecutor, ObjectProvider<UnknownSealKeys> unknownKeys) {
    return new SealCheckedJobExecutorStart.Replacing(jobExecutor, unknownKeys);
  }

  @Bean
  FilterRegistrationBean<StartupGate> startupGateRegistration(StartupGate gate) {
    FilterRegistrationBean<StartupGate> registration = new FilterRegistrationBean<>(gate);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
