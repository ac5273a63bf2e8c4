package org.civicflow.domain.common;

/** The request clashes with the current state: a duplicate, or a step that has moved on. */
public class ConflictException extends DomainException {

  public ConflictException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
