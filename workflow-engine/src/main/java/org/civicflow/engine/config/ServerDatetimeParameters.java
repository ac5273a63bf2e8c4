package org.civicflow.engine.config;

import com.mysql.cj.jdbc.ServerPreparedStatement;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Date-times bound to server-prepared statements travel as DATETIME values, so that dates after 19
 * January 2038 are stored as given.
 *
 * <p>Connector/J sends a {@code java.sql.Timestamp} parameter of a server-prepared statement
 * ({@code useServerPrepStmts}, the MariaDB/MySQL profile) as the protocol's TIMESTAMP type, and
 * MariaDB 10.11 converts such a value through its TIMESTAMP range, which ends in January 2038:
 * beyond it the server stores NULL, silently. For the engine that made a timer due on 31 December
 * 2099 (a commitment's date) a job without a due date — fired at once — and a task without its
 * deadline. Bound as a {@code LocalDateTime} in the driver's time zone (what the driver itself
 * converts a {@code Timestamp} to), the value goes as DATETIME and is stored whole; the stored
 * date-times are the same as before for every date up to 2038 ({@code ServerDatetimeParametersIT}).
 * Applies to CivicFlow's statements (an interceptor bean) and the engine's ({@link ForTheEngine});
 * statements the driver prepares itself are left alone, as is every other database.
 */
@Component
@Intercepts(
    @Signature(
        type = ParameterHandler.class,
        method = "setParameters",
        args = {PreparedStatement.class}))
public class ServerDatetimeParameters implements Interceptor {

  /** Parameter handlers only (see {@link ClientPreparedStatements#plugin}). */
  @Override
  public Object plugin(Object target) {
    return target instanceof ParameterHandler ? Plugin.wrap(target, this) : target;
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object[] args = invocation.getArgs();
    PreparedStatement statement = (PreparedStatement) args[0];
    if (statement.isWrapperFor(ServerPreparedStatement.class)) {
      args[0] = datetimesAsDatetime(statement);
    }
    return invocation.proceed();
  }

  static PreparedStatement datetimesAsDatetime(PreparedStatement statement) {
    return (PreparedStatement)
        Proxy.newProxyInstance(
            ServerDatetimeParameters.class.getClassLoader(),
            new Class<?>[] {PreparedStatement.class},
            new DatetimeBinding(statement));
  }

  /** Turns {@code setTimestamp} into {@code setObject} of the same local date-time. */
  private record DatetimeBinding(PreparedStatement target) implements InvocationHandler {

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if ("setTimestamp".equals(method.getName()) && args[1] instanceof Timestamp t) {
        ZoneId zone =
            args.length == 3 && args[2] instanceof Calendar c
                ? c.getTimeZone().toZoneId()
                : ZoneId.systemDefault();
        target.setObject((Integer) args[0], LocalDateTime.ofInstant(t.toInstant(), zone));
        return null;
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  /** The same for the statements of the process engine, which has a MyBatis of its own. */
  @Component
  static class ForTheEngine extends AbstractProcessEnginePlugin {

    private final ServerDatetimeParameters parameters;

    ForTheEngine(ServerDatetimeParameters parameters) {
      this.parameters = parameters;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl c) {
      c.getSqlSessionFactory().getConfiguration().addInterceptor(parameters);
    }
  }
}
