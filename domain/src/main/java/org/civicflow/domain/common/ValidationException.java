package org.civicflow.domain.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input that breaks a rule: every offending field with the message key that explains it. */
public class ValidationException extends DomainException {

  private final Map<String, String> fieldErrors;

  public ValidationException(Map<String, String> fieldErrors) {
    super("validation.failed", String.join(", ", fieldErrors.keySet()));
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
  }

  /** A single invalid field. */
  public static ValidationException of(String field, String messageKey) {
    return new ValidationException(Map.of(field, messageKey));
  }

  /** Field name to message key, in the order found. */
  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
