package org.civicflow.domain.common;

import java.time.Clock;
import java.time.ZoneId;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The domain's own wiring: its MyBatis mappers (wherever the application class lives) and the
 * clock — dates and deadlines are those of the city, whatever the server's time zone.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackages = "org.civicflow.domain", annotationClass = Mapper.class)
public class DomainConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock civicClock(@Value("${civicflow.time-zone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
