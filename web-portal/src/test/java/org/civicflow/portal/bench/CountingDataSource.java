package org.civicflow.portal.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts the SQL statements sent through it: each execute, executeQuery and
 * executeUpdate counts one, each statement added to a batch counts one (executeBatch itself none).
 */
final class CountingDataSource extends DelegatingDataSource {

  final AtomicLong statements = new AtomicLong();

  CountingDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(super.getConnection(username, password));
  }

  private Connection wrap(Connection c) {
    InvocationHandler h =
        (proxy, method, args) -> {
          Object result = invoke(c, method, args);
          if (result instanceof Statement s && method.getName().matches("create.*|prepare.*")) {
            return statement(s, method.getReturnType());
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            CountingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  private Object statement(Statement s, Class<?> type) {
    Class<?> iface =
        CallableStatement.class.isAssignableFrom(type)
            ? CallableStatement.class
            : PreparedStatement.class.isAssignableFrom(type)
                ? PreparedStatement.class
                : Statement.class;
    InvocationHandler h =
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("addBatch")
              || (name.startsWith("execute") && !name.equals("executeBatch"))) {
            statements.incrementAndGet();
          }
          return invoke(s, method, args);
        };
    return Proxy.newProxyInstance(
        CountingDataSource.class.getClassLoader(), new Class<?>[] {iface}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
