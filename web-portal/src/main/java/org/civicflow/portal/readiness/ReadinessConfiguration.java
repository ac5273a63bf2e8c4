package org.civicflow.portal.readiness;

import org.civicflow.domain.integrity.UnknownSealKeys;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;

/** The start-up gate, right after the client address is known and before security. */
@Configuration(proxyBeanMethods = false)
class ReadinessConfiguration {

  @Bean
  StartupGate startupGate(
      UnknownSealKeys unknownKeys, MessageSource messages, LocaleResolver localeResolver) {
    return new StartupGate(unknownKeys, messages, localeResolver);
  }

  @Bean
  FilterRegistrationBean<StartupGate> startupGateRegistration(StartupGate gate) {
    FilterRegistrationBean<StartupGate> registration = new FilterRegistrationBean<>(gate);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
