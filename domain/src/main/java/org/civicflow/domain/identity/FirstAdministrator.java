package org.civicflow.domain.identity;

import java.security.SecureRandom;
import java.util.EnumSet;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator account {@value #USERNAME} of a new installation: created once, on a database
 * without any account, with a password that someone must change at the first sign-in — so there is
 * never an account with a known password.
 */
@Service
public class FirstAdministrator {

  public static final String USERNAME = "admin";
  // no look-alikes (0/O, 1/l/I): the password is read off a file or a log and typed once
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserManagement management;
  private final UserMapper users;
  private final AuditLog audit;

  FirstAdministrator(UserManagement management, UserMapper users, AuditLog audit) {
    this.management = management;
    this.users = users;
    this.audit = audit;
  }

  /** Whether the database has no account at all (a first start). */
  public boolean noAccounts() {
    return users.count() == 0;
  }

  /**
   * Creates {@value #USERNAME} with the given password if there is no account at all.
   *
   * @return whether it was created (false: there are accounts, or another node was quicker)
   * @throws IllegalStateException when the password does not follow the {@link PasswordPolicy}
   */
  @Transactional
  public boolean createIfNoAccounts(String password) {
    FieldErrors errors = new FieldErrors();
    PasswordPolicy.check("password", USERNAME, password, errors);
    try {
      errors.throwIfAny();
    } catch (ValidationException e) {
      throw new IllegalStateException(
          "CIVICFLOW_INITIAL_ADMIN_PASSWORD does not follow the password policy: at least "
              + PasswordPolicy.MIN_LENGTH
              + " characters with letters, digits and another character, not containing \""
              + USERNAME
              + "\"");
    }
    if (!noAccounts()) {
      return false;
    }
    try {
      management.createRequiringPasswordChange(
          new NewUser(USERNAME, "系统管理员", password, null, EnumSet.of(Role.ADMIN), null, null, null));
    } catch (ConflictException anotherNodeWasQuicker) {
      return false;
    }
    audit.record("system", "user.create", "user", USERNAME, "first administrator; roles=[ADMIN]");
    return true;
  }

  /**
   * A strong random password that follows the policy: five groups of five letters and digits joined
   * by {@code -} (about 140 bits).
   */
  public static String randomPassword() {
    while (true) {
      StringBuilder password = new StringBuilder();
      for (int group = 0; group < 5; group++) {
        if (group > 0) {
          password.append('-');
        }
        for (int i = 0; i < 5; i++) {
          password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
      }
      FieldErrors errors = new FieldErrors();
      PasswordPolicy.check("password", USERNAME, password.toString(), errors);
      if (errors.isEmpty()) {
        return password.toString();
      }
    }
  }
}
