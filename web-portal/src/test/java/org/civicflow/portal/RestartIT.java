package org.civicflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.civicflow.CivicFlowApplication;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.civicflow.domain.publication.IntegrityGuard;
import org.civicflow.domain.publication.ReplyPublishing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

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
    String url = emptyDatabase("civicflow_test_restart");

    long definitions;
    try (ConfigurableApplicationContext first = start(url, "civicflow_test_restart")) {
      definitions = first.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
      assertThat(definitions).isPositive();
      assertThat(first.getBean(UserDirectory.class).find("admin")).isPresent();
    }
    // demo data on a real database: the log warns loudly of the published password
    if (MYSQL) {
      assertThat(output.getAll())
          .contains("DEMO DATA", "PUBLISHED password of the README")
          .doesNotContain("Demo@12345");
    } else {
      assertThat(output.getAll()).doesNotContain("DEMO DATA");
    }
    try (ConfigurableApplicationContext second = start(url, "civicflow_test_restart")) {
      assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
          .as("unchanged models are not deployed again")
          .isEqualTo(definitions);
      assertThat(second.getBean(UserDirectory.class).count())
          .as("demo accounts are created once")
          .isEqualTo(18);
    }
  }

  /**
   * The rotation of docs/operations.md: replies sealed with key A; the node restarted with key B
   * and A as a verification key serves every one of them and seals new states with B; a node given
   * B alone (A dropped too early) is not ready and serves none of A's seals.
   */
  @Test
  void aRotatedSealKeyKeepsEveryReplyVerifiableAndSealsWithTheNewKey() throws Exception {
    String database = "civicflow_test_rotation";
    String url = emptyDatabase(database);
    String keyA = base64("rotation-key-a-rotation-key-a-ro");
    String keyB = base64("rotation-key-b-rotation-key-b-ro");
    List<Long> published;
    try (ConfigurableApplicationContext before =
        start(url, database, "--civicflow.integrity.seal-key=" + keyA)) {
      published =
          before
              .getBean(JdbcTemplate.class)
              .queryForList(
                  "SELECT id FROM cf_publication WHERE state = 'PUBLISHED' ORDER BY id",
                  Long.class);
      assertThat(published).as("the demo published replies").isNotEmpty();
    }
    try (ConfigurableApplicationContext rotated =
        start(
            url,
            database,
            "--civicflow.integrity.seal-key=" + keyB,
            "--civicflow.integrity.verification-keys=" + keyA)) {
      IntegrityGuard guard = rotated.getBean(IntegrityGuard.class);
      for (long id : published) {
        assertThat(guard.reply(id).id()).as("reply %d after the rotation", id).isEqualTo(id);
      }
      assertThat(rotated.getBean(UnknownSealKeys.class).any()).isFalse();
      long withdrawn = published.get(0);
      rotated
          .getBean(ReplyPublishing.class)
          .withdrawFromPublicSite(withdrawn, "轮换后撤下", "registrar");
      JdbcTemplate jdbc = rotated.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForObject(
                  "SELECT state_seal_key_id FROM cf_publication WHERE id = ?",
                  String.class,
                  withdrawn))
          .as("a new state is sealed with the new key")
          .isEqualTo(SealKeys.idOf(Base64.getDecoder().decode(keyB)))
          .isNotEqualTo(
              jdbc.queryForObject(
                  "SELECT seal_key_id FROM cf_publication WHERE id = ?", String.class, withdrawn));
      assertThat(guard.reply(withdrawn).withdrawn()).isTrue();
    }
    try (ConfigurableApplicationContext tooEarly =
        start(url, database, "--civicflow.integrity.seal-key=" + keyB)) {
      assertThat(tooEarly.getBean(UnknownSealKeys.class).any())
          .as("the old key dropped while its seals remain: not ready")
          .isTrue();
      assertThat(
              tooEarly.getBean(IntegrityGuard.class).openFailures().stream()
                  .filter(f -> published.contains(f.publicationId()))
                  .toList())
          .as("nothing called tampered")
          .isEmpty();
    }
  }

  private static String base64(String key) {
    return Base64.getEncoder()
        .encodeToString(key.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** An empty database of that name on MariaDB, or a new in-memory one on H2 (its URL). */
  private static String emptyDatabase(String name) throws Exception {
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
        s.execute("DROP DATABASE IF EXISTS " + name);
      }
      url = null; // the mysql profile builds the URL from CIVICFLOW_DB_NAME
    } else {
      url = "jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
    }
    return url;
  }

  private static ConfigurableApplicationContext start(String url, String name, String... more) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--civicflow.demo=true");
    args.add("--camunda.bpm.job-execution.enabled=false");
    args.add(url != null ? "--spring.datasource.url=" + url : "--CIVICFLOW_DB_NAME=" + name);
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(CivicFlowApplication.class)
        .run(args.toArray(String[]::new));
  }
}
