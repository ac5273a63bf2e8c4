package org.civicflow.domain.common;

/** The person may not do this (not their department's task, not their proposal). */
public class ForbiddenException extends DomainException {

  public ForbiddenException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
