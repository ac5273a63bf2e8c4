package org.civicflow.engine.config;

import org.apache.ibatis.datasource.unpooled.UnpooledDataSource;

/**
 * The MariaDB/MySQL server of the database suite ({@code mvn verify -Pmariadb}, the CIVICFLOW_DB_*
 * variables), for tests that look at the driver itself rather than through the application.
 */
final class MariaDbServer {

  private MariaDbServer() {}

  /** Whether this run is the database suite. */
  static boolean active() {
    return "mysql".equals(System.getProperty("civicflow.test.profile"));
  }

  /** A connection without a pool to {@code database} ("" for none), with the driver settings. */
  static UnpooledDataSource dataSource(String database, String settings) {
    return new UnpooledDataSource(
        "com.mysql.cj.jdbc.Driver",
        "jdbc:mysql://"
            + env("CIVICFLOW_DB_HOST", "127.0.0.1")
            + ":"
            + env("CIVICFLOW_DB_PORT", "3306")
            + "/"
            + database
            + "?useSSL=false&allowPublicKeyRetrieval=true&"
            + settings,
        env("CIVICFLOW_DB_USER", "root"),
        env("CIVICFLOW_DB_PASSWORD", ""));
  }

  private static String env(String name, String otherwise) {
    return System.getenv().getOrDefault(name, otherwise);
  }
}
