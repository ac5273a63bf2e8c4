package org.civicflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.camunda.bpm.engine.RepositoryService;
import org.civicflow.CivicFlowApplication;
import org.civicflow.domain.identity.UserDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts CivicFlow on an empty database, stops it, and starts it again on the same database: the
 * second start finds Camunda's tables and ours, migrates nothing twice, creates no duplicate demo
 * data and deploys no model again.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIT {

  private static final boolean MYSQL = "mysql".equals(System.getProperty("spring.profiles.active"));

  @Test
  void startsOnAnEmptyDatabaseAndAgainOnTheSameOne(CapturedOutput output) throws Exception {
    String url;
    if (MYSQL) {
      String host = System.getenv().getOrDefault("CIVICFLOW_DB_HOST", "127.0.0.1");
      String port = System.getenv().getOrDefault("CIVICFLOW_DB_PORT", "3306");
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:mysql://"
                      + host
                      + ":"
                      + port
                      + "/?useSSL=false&allowPublicKeyRetrieval=true",
                  System.getenv().getOrDefault("CIVICFLOW_DB_USER", "root"),
                  System.getenv().getOrDefault("CIVICFLOW_DB_PASSWORD", ""));
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS civicflow_test_restart");
      }
      url = null; // the mysql profile builds the URL from CIVICFLOW_DB_NAME
    } else {
      url = "jdbc:h2:mem:restart-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    }

    long definitions;
    try (ConfigurableApplicationContext first = start(url)) {
      definitions = first.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
      assertThat(definitions).isPositive();
      assertThat(first.getBean(UserDirectory.class).find("admin")).isPresent();
    }
    // demo data on a real database: the log warns loudly of the published password
    if (MYSQL) {
      assertThat(output.getAll()).contains("DEMO DATA", "PUBLISHED password Demo@12345");
    } else {
      assertThat(output.getAll()).doesNotContain("DEMO DATA");
    }
    try (ConfigurableApplicationContext second = start(url)) {
      assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
          .as("unchanged models are not deployed again")
          .isEqualTo(definitions);
      assertThat(second.getBean(UserDirectory.class).count())
          .as("demo accounts are created once")
          .isEqualTo(18);
    }
  }

  private static ConfigurableApplicationContext start(String url) {
    String database =
        url != null
            ? "--spring.datasource.url=" + url
            : "--CIVICFLOW_DB_NAME=civicflow_test_restart";
    return new SpringApplicationBuilder(CivicFlowApplication.class)
        .run(
            "--server.port=0",
            "--civicflow.demo=true",
            "--camunda.bpm.job-execution.enabled=false",
            database);
  }
}
