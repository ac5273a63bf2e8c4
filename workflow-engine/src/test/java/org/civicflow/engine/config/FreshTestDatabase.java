package org.civicflow.engine.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The engine's tests on MariaDB (the database suite) start from an empty database, as they do on
 * the embedded one: some of them read the registrar group's whole inbox or deploy edits of the
 * built-in models, and found a previous run's tasks and model versions in a database that is kept
 * between runs. The application creates the database again when it starts. Registered as a JUnit
 * Platform launcher session listener ({@code META-INF/services}).
 */
public class FreshTestDatabase implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!MariaDbServer.active()) {
      return;
    }
    String database = System.getenv().getOrDefault("CIVICFLOW_TEST_DB", "civicflow_test_engine");
    if (!database.matches("[A-Za-z0-9_]+")) {
      throw new IllegalStateException("CIVICFLOW_TEST_DB must be a plain database name");
    }
    try (Connection c = MariaDbServer.dataSource("", "").getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + database + "`");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset the test database " + database, e);
    }
  }
}
