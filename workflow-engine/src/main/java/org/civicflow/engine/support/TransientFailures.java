package org.civicflow.engine.support;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.civicflow.domain.common.ConcurrentChangeException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Failures that say "someone else changed the same rows at the same moment": a deadlock victim, a
 * lock timeout, an optimistic-locking clash in the engine or on a versioned domain record. Retrying
 * in a new transaction either succeeds or meets the other change (and then refuses cleanly).
 */
public final class TransientFailures {

  private TransientFailures() {}

  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockingException
          || t instanceof ConcurrentChangeException
          || t instanceof SQLTransactionRollbackException
          || t instanceof TransientDataAccessException
          || t instanceof PessimisticLockingFailureException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("40") || "HYT00".equals(sql.getSQLState()))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
