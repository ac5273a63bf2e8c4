package org.civicflow.engine.config;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Properties;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
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

  /**
   * {@code _databaseId} in the mappers: "mysql" on MariaDB/MySQL, where the inbox statements carry
   * join-order and index hints (docs/performance.md), "h2" on H2. Statements without a database id
   * are unaffected.
   */
  @Bean
  DatabaseIdProvider databaseIdProvider() {
    Properties vendors = new Properties();
    vendors.setProperty("MariaDB", "mysql");
    vendors.setProperty("MySQL", "mysql");
    vendors.setProperty("H2", "h2");
    VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
    provider.setProperties(vendors);
    return provider;
  }
}
