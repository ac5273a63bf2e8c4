package org.civicflow.domain.common;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Properties;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The domain's own wiring: its MyBatis mappers (wherever the application class lives) and a default
 * clock — dates and deadlines are those of the city, whatever the server's time zone. An
 * auto-configuration, so that an application's own clock (the engine's) takes precedence.
 */
@AutoConfiguration
@MapperScan(basePackages = "org.civicflow.domain", annotationClass = Mapper.class)
public class DomainAutoConfiguration {

  /**
   * Lets mappers carry vendor-specific statements ({@code databaseId="mysql"}), e.g. the public
   * full-text search; statements without a database id serve every other database (H2).
   */
  @Bean
  @ConditionalOnMissingBean
  DatabaseIdProvider databaseIdProvider() {
    Properties vendors = new Properties();
    vendors.setProperty("MySQL", "mysql");
    vendors.setProperty("MariaDB", "mysql");
    vendors.setProperty("H2", "h2");
    VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
    provider.setProperties(vendors);
    return provider;
  }

  @Bean
  @ConditionalOnMissingBean
  Clock civicClock(@Value("${civicflow.time-zone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
