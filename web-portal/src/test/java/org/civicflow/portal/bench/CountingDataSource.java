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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that counts the SQL statements sent through it: each execute, executeQuery and
 * executeUpdate counts one, each statement added to a batch counts one (executeBatch itself none).
 */
final class CountingDataSource extends DelegatingDataSource {

  final AtomicLong statements = new AtomicLong();
  final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

  /**
   * With {@code -Dcivicflow.bench.sqlDetail=true}: counts by the whole statement text and the kind
   * of thread that sent it (request, job executor, other), for finding where statements come from.
   */
  static final boolean DETAIL = Boolean.getBoolean("civicflow.bench.sqlDetail");

  final Map<String, LongAdder> byText = new ConcurrentHashMap<>();

  /** Shapes by statement text: the texts repeat, and a regular expression per statement costs. */
  private static final Map<String, String> SHAPES = new ConcurrentHashMap<>();

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
            String sql = method.getName().startsWith("prepare") ? (String) args[0] : null;
            return statement(s, method.getReturnType(), sql);
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            CountingDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  private Object statement(Statement s, Class<?> type, String prepared) {
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
            String sql = prepared != null ? prepared : args != null ? String.valueOf(args[0]) : "?";
            bySql
                .computeIfAbsent(
                    SHAPES.computeIfAbsent(sql, CountingDataSource::shape), k -> new LongAdder())
                .increment();
            if (DETAIL) {
              byText.computeIfAbsent(thread() + " " + flat(sql), k -> new LongAdder()).increment();
            }
          }
          return invoke(s, method, args);
        };
    return Proxy.newProxyInstance(
        CountingDataSource.class.getClassLoader(), new Class<?>[] {iface}, h);
  }

  /** The statement's kind and main table, e.g. "select ACT_RU_TASK", for the per-kind counts. */
  static String shape(String sql) {
    String flat = sql.replaceAll("\\s+", " ").strip();
    Matcher m = TABLE.matcher(flat);
    String verb = flat.isEmpty() ? "?" : flat.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    return m.find() ? verb + " " + m.group(1) : flat.substring(0, Math.min(40, flat.length()));
  }

  private static final Pattern TABLE = Pattern.compile("(?i)(?:from|into|update)\\s+([A-Za-z_]+)");

  private static String thread() {
    String t = Thread.currentThread().getName();
    return t.startsWith("http-nio")
        ? "[request]"
        : t.contains("JobExecutor") ? "[job]" : "[" + t + "]";
  }

  private static String flat(String sql) {
    String f = sql.replaceAll("\\s+", " ").strip();
    return f.length() > 400 ? f.substring(0, 400) + "…" : f;
  }

  /** The counts by statement text since the last call. */
  Map<String, Long> drainByText() {
    Map<String, Long> out = new TreeMap<>();
    byText.forEach((k, v) -> out.put(k, v.sumThenReset()));
    return out;
  }

  /** The counts by kind since the last call, largest first. */
  Map<String, Long> drainBySql() {
    Map<String, Long> out = new TreeMap<>();
    bySql.forEach((k, v) -> out.put(k, v.sumThenReset()));
    return out;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
