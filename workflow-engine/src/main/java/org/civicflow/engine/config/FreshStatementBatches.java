package org.civicflow.engine.config;

import java.sql.Connection;
import java.sql.Statement;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Every statement the engine prepares starts with an empty batch.
 *
 * <p>With server-side prepared statements ({@code useServerPrepStmts}, the MariaDB/MySQL profile,
 * docs/performance.md) Connector/J keeps closed statements per connection and hands the same object
 * out again. When a batch flush of the engine fails half-way (a deadlock, or a foreign key broken
 * by a concurrent node), MyBatis closes the statements after the failed one without having executed
 * them, and the driver caches them with their rows still queued: the next command on that
 * connection would then send those stale rows too, and the engine reports "more batch results than
 * scheduled operations" (a 500) instead of the optimistic-locking conflict it is. Clearing the
 * batch when a statement is handed out costs nothing and closes that door ({@code
 * FreshStatementBatchesIT} shows the driver's behaviour and the cure).
 */
@Component
class FreshStatementBatches extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl c) {
    c.getSqlSessionFactory().getConfiguration().addInterceptor(new ClearBatchOnPrepare());
  }

  /** Clears whatever a cached statement still has queued before MyBatis adds to it. */
  @Intercepts(
      @Signature(
          type = StatementHandler.class,
          method = "prepare",
          args = {Connection.class, Integer.class}))
  static final class ClearBatchOnPrepare implements Interceptor {

    /** Statement handlers only (see {@link ClientPreparedStatements#plugin}). */
    @Override
    public Object plugin(Object target) {
      return target instanceof StatementHandler ? Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Statement statement = (Statement) invocation.proceed();
      statement.clearBatch();
      return statement;
    }
  }
}
