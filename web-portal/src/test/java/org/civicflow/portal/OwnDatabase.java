package org.civicflow.portal;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A database of a suite's own, with the demo data only: for suites that look at the whole of it
 * (every page, every figure of a session), which the shared test database cannot give — it also
 * holds what other suites did on purpose (hostile titles, edited models, tampered records).
 */
public final class OwnDatabase {

  private OwnDatabase() {}

  /**
   * Registers {@code civicflow_test_<name>} on MariaDB, {@code civicflow-<name>} in memory on H2.
   */
  public static void register(DynamicPropertyRegistry registry, String name) {
    if ("mysql".equals(System.getProperty("spring.profiles.active"))) {
      registry.add("CIVICFLOW_DB_NAME", () -> "civicflow_test_" + name);
    } else {
      registry.add(
          "spring.datasource.url",
          () -> "jdbc:h2:mem:civicflow-" + name + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
    }
  }
}
