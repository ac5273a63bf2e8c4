package org.civicflow.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An engine command run inside a read-only transaction (a task page, a proposal page, a diagram)
 * flushes no updates.
 *
 * <p>The engine compares each entity it loaded with the state it had when read and writes back
 * those that differ when the command ends — even a command that only reads. An execution row the
 * engine itself did not write (data loaded by hand, a row of an older engine) can differ from what
 * the engine makes of it as soon as it is read: its cached entity state (which of its tasks,
 * variables, event subscriptions… are known to exist) is recomputed when those are loaded. Inside a
 * read-only transaction MariaDB refuses that update ("Cannot execute statement in a READ ONLY
 * transaction") and the read failed with a 500. Here, such a read answers what it read: the
 * difference is left unwritten (logged once per kind of entity), and the next command that changes
 * the row writes it in its own transaction as the engine would.
 */
@Component
class ReadOnlyCommands extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(ReadOnlyCommands.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl c) {
    c.setCustomPostCommandInterceptorsTxRequired(
        with(c.getCustomPostCommandInterceptorsTxRequired(), new WritesNothingWhenReadOnly()));
    c.setCustomPostCommandInterceptorsTxRequiresNew(
        with(c.getCustomPostCommandInterceptorsTxRequiresNew(), new WritesNothingWhenReadOnly()));
  }

  private static List<CommandInterceptor> with(
      List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : interceptors;
    all.add(added);
    return all;
  }

  /** After the command (before its context flushes): no updates in a read-only transaction. */
  static final class WritesNothingWhenReadOnly extends CommandInterceptor {

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (TransactionSynchronizationManager.isActualTransactionActive()
          && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
        CommandContext context = Context.getCommandContext();
        if (context != null) {
          forgetUpdates(context);
        }
      }
      return result;
    }

    private void forgetUpdates(CommandContext context) {
      for (CachedDbEntity cached :
          context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
        if (cached.getEntityState() == DbEntityState.PERSISTENT && cached.isDirty()) {
          String kind = cached.getEntityType().getSimpleName();
          if (reported.add(kind)) {
            log.warn(
                "a read changed {} {} (a row the engine did not write as it would?); the change"
                    + " is not written in this read-only transaction",
                kind,
                cached.getEntity().getId());
          }
          cached.makeCopy();
        }
      }
    }
  }
}
