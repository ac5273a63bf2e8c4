package org.civicflow.domain.common;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock of the domain: dates and deadlines are those of the city, whatever the server. */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock civicClock(@Value("${civicflow.time-zone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
