package org.civicflow.engine.config;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.RuntimeProperty;
import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.springframework.stereotype.Component;

/**
 * CivicFlow's list, search and counting statements are prepared by the driver; everything else —
 * the engine's statements and CivicFlow's reads by key and writes — by the server.
 *
 * <p>On MariaDB/MySQL the connections prepare statements on the server ({@code useServerPrepStmts}
 * in {@code application.yml}): the server then parses each statement once per connection instead of
 * once per execution, which the engine's large statements (its 19 KB authorization check) and
 * CivicFlow's small reads and writes of a lifecycle gain from. The statements that read many rows
 * to return a page or a count — inbox, searches, statistics: the SELECTs with a LIMIT or a COUNT —
 * were written and indexed for the plans MariaDB makes with the values in the statement, and took
 * half as long again executed server-prepared (docs/performance.md): for them the interceptor
 * switches the connection to driver-side preparing while MyBatis prepares the statement. Nothing to
 * do on other databases.
 */
@Component
@Intercepts(
    @Signature(
        type = StatementHandler.class,
        method = "prepare",
        args = {Connection.class, Integer.class}))
class ClientPreparedStatements implements org.apache.ibatis.plugin.Interceptor {

  /**
   * Wraps statement handlers only. MyBatis's default reads this class's annotations again for every
   * executor, statement, parameter and result handler it creates, to find out it has nothing to
   * wrap in three of them.
   */
  @Override
  public Object plugin(Object target) {
    return target instanceof StatementHandler ? Plugin.wrap(target, this) : target;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    if (!readsManyRows(((StatementHandler) invocation.getTarget()).getBoundSql().getSql())) {
      return invocation.proceed();
    }
    RuntimeProperty<Boolean> serverSide = serverSide((Connection) invocation.getArgs()[0]);
    if (serverSide == null || !serverSide.getValue()) {
      return invocation.proceed();
    }
    serverSide.setValue(false);
    try {
      return invocation.proceed();
    } finally {
      serverSide.setValue(true);
    }
  }

  /** A SELECT that returns a page or a count (CivicFlow writes its SQL keywords in capitals). */
  static boolean readsManyRows(String sql) {
    int start = 0;
    while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
      start++;
    }
    return sql.startsWith("SELECT", start) && (sql.contains("LIMIT") || sql.contains("COUNT("));
  }

  private static RuntimeProperty<Boolean> serverSide(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)) {
      return null;
    }
    return connection
        .unwrap(JdbcConnection.class)
        .getPropertySet()
        .getBooleanProperty(PropertyKey.useServerPrepStmts);
  }
}
