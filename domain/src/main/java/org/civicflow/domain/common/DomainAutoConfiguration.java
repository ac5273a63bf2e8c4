package org.civicflow.domain.common;

import java.time.Clock;
import java.time.ZoneId;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The domain's own wiring: its MyBatis mappers (wherever the application class lives), how rows
 * become objects, and a default clock — dates and deadlines are those of the city, whatever the
 * server's time zone. An auto-configuration, so that an application's own clock (the engine's)
 * takes precedence.
 */
@AutoConfiguration
@MapperScan(basePackages = "org.civicflow.domain", annotationClass = Mapper.class)
public class DomainAutoConfiguration {

  /** Rows become objects without MyBatis's exception per row ({@link AccessibleConstructors}). */
  @Bean
  ConfigurationCustomizer accessibleConstructors() {
    return configuration -> configuration.setObjectFactory(new AccessibleConstructors());
  }

  @Bean
  @ConditionalOnMissingBean
  Clock civicClock(@Value("${civicflow.time-zone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
