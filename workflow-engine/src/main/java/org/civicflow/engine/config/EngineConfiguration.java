package org.civicflow.engine.config;

import java.time.Clock;
import java.time.ZoneId;
import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine module's wiring: its own mappers (task queries on Camunda's tables) and the clock. */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackages = "org.civicflow.engine", annotationClass = Mapper.class)
class EngineConfiguration {

  @Bean
  Clock civicClock(@Value("${civicflow.time-zone:Asia/Shanghai}") String zone) {
    return new EngineClock(ZoneId.of(zone));
  }
}
