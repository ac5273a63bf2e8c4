package org.civicflow.domain.common;

/** The object asked for does not exist (or is not visible to the caller). */
public class NotFoundException extends DomainException {

  public NotFoundException(String objectType, Object id) {
    super("error.notFound", objectType, id);
  }
}
