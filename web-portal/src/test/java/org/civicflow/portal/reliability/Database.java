package org.civicflow.portal.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MariaDB database that the application processes share, read directly by the checks (the same
 * {@code CIVICFLOW_DB_*} settings as the application). A {@link Snapshot} reads several tables as
 * of one moment.
 */
final class Database {

  private final String name;

  Database(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /** Whether the suites run on MariaDB (the {@code mariadb} Maven profile). */
  static boolean active() {
    return "mysql".equals(System.getProperty("spring.profiles.active"));
  }

  /** Drops the database: the next start of the application creates it anew. */
  void drop() {
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + name + "`");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The backup and restore of docs/operations.md: {@code mariadb-dump --single-transaction} of this
   * database into a file, loaded by the {@code mariadb} client into {@code target}, created anew.
   *
   * @return the target database
   */
  Database restoreInto(String target, java.nio.file.Path dumpFile) {
    new Database(target).drop();
    List<String> connection =
        List.of(
            "--host=" + env("CIVICFLOW_DB_HOST", "127.0.0.1"),
            "--port=" + env("CIVICFLOW_DB_PORT", "3306"),
            "--user=" + env("CIVICFLOW_DB_USER", "root"));
    List<String> dump = new ArrayList<>(List.of("mariadb-dump", "--single-transaction"));
    dump.addAll(connection);
    dump.add(name);
    run(dump, null, dumpFile);
    List<String> create = new ArrayList<>(List.of("mariadb"));
    create.addAll(connection);
    create.addAll(List.of("-e", "CREATE DATABASE `" + target + "` CHARACTER SET utf8mb4"));
    run(create, null, null);
    List<String> load = new ArrayList<>(List.of("mariadb"));
    load.addAll(connection);
    load.add(target);
    run(load, dumpFile, null);
    return new Database(target);
  }

  private static void run(List<String> command, java.nio.file.Path in, java.nio.file.Path out) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(out == null);
    String password = env("CIVICFLOW_DB_PASSWORD", "");
    if (!password.isEmpty()) {
      builder.environment().put("MYSQL_PWD", password);
    }
    if (in != null) {
      builder.redirectInput(in.toFile());
    }
    if (out != null) {
      builder.redirectOutput(out.toFile());
    }
    try {
      Process p = builder.start();
      String output =
          new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (out == null) {
        output +=
            new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      if (p.waitFor() != 0) {
        throw new IllegalStateException(command.get(0) + " failed: " + output);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads in one transaction that sees one consistent snapshot of every table. */
  Snapshot snapshot() {
    try {
      Connection c = connect(name);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
      }
      return new Snapshot(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect(String database) throws SQLException {
    String host = env("CIVICFLOW_DB_HOST", "127.0.0.1");
    String port = env("CIVICFLOW_DB_PORT", "3306");
    return DriverManager.getConnection(
        "jdbc:mysql://"
            + host
            + ":"
            + port
            + "/"
            + database
            + "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8",
        env("CIVICFLOW_DB_USER", "root"),
        env("CIVICFLOW_DB_PASSWORD", ""));
  }

  private static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** Queries within one read-only transaction. */
  static final class Snapshot implements AutoCloseable {

    private final Connection connection;

    private Snapshot(Connection connection) {
      this.connection = connection;
    }

    List<Map<String, Object>> rows(String sql, Object... params) {
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        for (int i = 0; i < params.length; i++) {
          ps.setObject(i + 1, params[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          List<Map<String, Object>> out = new ArrayList<>();
          while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
            }
            out.add(row);
          }
          return out;
        }
      } catch (SQLException e) {
        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
      }
    }

    long count(String sql, Object... params) {
      List<Map<String, Object>> r = rows(sql, params);
      return r.isEmpty() ? 0 : ((Number) r.get(0).values().iterator().next()).longValue();
    }

    @Override
    public void close() {
      try {
        connection.rollback();
        connection.close();
      } catch (SQLException e) {
        // reading only
      }
    }
  }
}
