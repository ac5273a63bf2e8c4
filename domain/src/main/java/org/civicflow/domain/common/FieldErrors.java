package org.civicflow.domain.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects the invalid fields of one input, then throws them all at once. */
public final class FieldErrors {

  /** Limits that hold everywhere text is stored. */
  public static final int SHORT_TEXT = 100;

  private final Map<String, String> errors = new LinkedHashMap<>();

  public FieldErrors required(String field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      add(field, "validation.required");
    } else if (value instanceof Collection<?> c && c.isEmpty()) {
      add(field, "validation.required");
    }
    return this;
  }

  public FieldErrors maxLength(String field, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      add(field, "validation.tooLong");
    }
    return this;
  }

  public FieldErrors check(boolean valid, String field, String messageKey) {
    if (!valid) {
      add(field, messageKey);
    }
    return this;
  }

  /** Records the first problem of a field; later ones for the same field are less useful. */
  public FieldErrors add(String field, String messageKey) {
    errors.putIfAbsent(field, messageKey);
    return this;
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws a {@link ValidationException} if any field is invalid. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
