package org.civicflow.domain.common;

/**
 * Someone else saved the same record between our read and our write (its version moved on). The
 * whole unit of work may be retried in a new transaction: it then reads the other change and either
 * succeeds on top of it or refuses for a reason of its own.
 */
public class ConcurrentChangeException extends ConflictException {

  public ConcurrentChangeException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
