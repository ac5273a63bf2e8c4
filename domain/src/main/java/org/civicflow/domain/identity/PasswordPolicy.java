package org.civicflow.domain.identity;

import org.civicflow.domain.common.FieldErrors;

/**
 * Passwords of real accounts: at least 10 characters with letters, digits and another character,
 * and not containing the user name.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  public static void check(String field, String username, String password, FieldErrors errors) {
    if (password == null || password.isEmpty()) {
      errors.add(field, "validation.required");
      return;
    }
    boolean letter = password.chars().anyMatch(Character::isLetter);
    boolean digit = password.chars().anyMatch(Character::isDigit);
    boolean other = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
    if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      errors.add(field, "validation.password.length");
    } else if (!letter || !digit || !other) {
      errors.add(field, "validation.password.classes");
    } else if (username != null
        && !username.isBlank()
        && password
            .toLowerCase(java.util.Locale.ROOT)
            .contains(username.toLowerCase(java.util.Locale.ROOT))) {
      errors.add(field, "validation.password.containsUsername");
    }
  }
}
