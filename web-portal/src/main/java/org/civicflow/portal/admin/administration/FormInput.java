package org.civicflow.portal.admin.administration;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.identity.Role;

/** Reads typed values from form fields; a value of the wrong type becomes a field error. */
final class FormInput {

  private FormInput() {}

  static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static Integer integer(String field, String value, FieldErrors errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      errors.add(field, "validation.type.number");
      return null;
    }
  }

  static LocalDate date(String field, String value, FieldErrors errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(field, "validation.type.date");
      return null;
    }
  }

  static <E extends Enum<E>> E choice(
      String field, String value, Class<E> type, FieldErrors errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      errors.add(field, "validation.choice");
      return null;
    }
  }

  static Set<Role> roles(Collection<String> values, FieldErrors errors) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (values != null) {
      for (String v : values) {
        Role r = choice("roles", v, Role.class, errors);
        if (r != null) {
          roles.add(r);
        }
      }
    }
    return roles;
  }
}
