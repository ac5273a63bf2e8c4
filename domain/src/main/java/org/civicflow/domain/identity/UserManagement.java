package org.civicflow.domain.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.department.DepartmentDirectory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts' rules and store: creating an account (validated, its password hashed), the demo
 * accounts, the person's own password change. What an administrator does with accounts, audited, is
 * {@link UserAdministration}, which uses the package-private store operations here (enable,
 * disable, a password set by someone else). An account created here needs no password change; the
 * administrator's accounts and the first administrator ask for one.
 */
@Service
public class UserManagement {

  static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{2,38}");

  private final UserMapper users;
  private final DepartmentDirectory departments;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;
  private final AuditLog audit;

  UserManagement(
      UserMapper users,
      DepartmentDirectory departments,
      PasswordEncoder passwordEncoder,
      Clock clock,
      AuditLog audit) {
    this.users = users;
    this.departments = departments;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Creates an account. Departmental roles need a department; the password must follow the {@link
   * PasswordPolicy} unless {@code demoAccount} (the published demo password).
   */
  @Transactional
  public User create(NewUser input, boolean demoAccount) {
    return create(input, demoAccount, null, false);
  }

  /**
   * Creates an account whose password someone else chose: the person must set their own at the
   * first sign-in (the password follows the {@link PasswordPolicy}).
   */
  @Transactional
  User createRequiringPasswordChange(NewUser input) {
    return create(input, false, null, true);
  }

  /**
   * Creates the demo accounts, which all share the published demo password: it is hashed once
   * (BCrypt is deliberately slow) and the accounts are otherwise checked like any other.
   */
  @Transactional
  public List<User> createDemoAccounts(List<NewUser> inputs, String sharedPassword) {
    String hash = passwordEncoder.encode(sharedPassword);
    return inputs.stream()
        .map(
            in ->
                create(
                    new NewUser(
                        in.username(),
                        in.displayName(),
                        sharedPassword,
                        in.departmentCode(),
                        in.roles(),
                        in.delegation(),
                        in.email(),
                        in.phone()),
                    true,
                    hash,
                    false))
        .toList();
  }

  private User create(
      NewUser input, boolean demoAccount, String precomputedHash, boolean mustChangePassword) {
    FieldErrors errors = new FieldErrors();
    errors
        .required("username", input.username())
        .check(
            input.username() == null || USERNAME.matcher(input.username()).matches(),
            "username",
            "validation.username.pattern")
        .required("displayName", input.displayName())
        .maxLength("displayName", input.displayName(), FieldErrors.SHORT_TEXT)
        .required("roles", input.roles())
        .maxLength("delegation", input.delegation(), FieldErrors.SHORT_TEXT);
    if (!demoAccount) {
      PasswordPolicy.check("password", input.username(), input.password(), errors);
    } else {
      errors.required("password", input.password());
    }
    boolean departmental =
        input.roles() != null && input.roles().stream().anyMatch(Role::isDepartmental);
    if (departmental) {
      errors.check(
          departments.exists(input.departmentCode()),
          "departmentCode",
          "validation.user.departmentRequired");
    } else if (input.departmentCode() != null && !departments.exists(input.departmentCode())) {
      errors.add("departmentCode", "validation.department.unknown");
    }
    checkContact(errors, input.email(), input.phone());
    errors.throwIfAny();
    if (users.findByUsername(input.username()).isPresent()) {
      throw new ConflictException("user.duplicate", input.username());
    }
    User user =
        new User(
            input.username(),
            input.displayName().strip(),
            precomputedHash != null ? precomputedHash : passwordEncoder.encode(input.password()),
            input.departmentCode(),
            EnumSet.copyOf(input.roles()),
            clock.instant());
    user.setDelegation(input.delegation());
    user.setEmail(input.email());
    user.setPhone(input.phone());
    user.setMustChangePassword(mustChangePassword);
    users.insert(user);
    for (Role role : user.getRoles()) {
      users.insertRole(user.getId(), role);
    }
    return user;
  }

  /** E-mail and phone, when given: plain address and phone number forms, stored lengths. */
  static FieldErrors checkContact(FieldErrors errors, String email, String phone) {
    return errors
        .maxLength("email", email, 200)
        .check(
            email == null || email.isBlank() || EMAIL.matcher(email).matches(),
            "email",
            "validation.user.email")
        .maxLength("phone", phone, 40)
        .check(
            phone == null || phone.isBlank() || PHONE.matcher(phone).matches(),
            "phone",
            "validation.user.phone");
  }

  /** Enables or disables an account; a disabled user can no longer sign in. */
  @Transactional
  void setEnabled(String username, boolean enabled) {
    if (users.updateEnabled(username, enabled) == 0) {
      throw new NotFoundException("user", username);
    }
  }

  /**
   * Sets a new password that follows the policy, chosen by an administrator: the person must set
   * their own at the next sign-in. The account's signed-in sessions end.
   */
  @Transactional
  void setPasswordByAdministrator(String username, String newPassword) {
    FieldErrors errors = new FieldErrors();
    PasswordPolicy.check("password", username, newPassword, errors);
    errors.throwIfAny();
    if (users.updatePasswordHash(
            username, passwordEncoder.encode(newPassword), clock.instant(), true)
        == 0) {
      throw new NotFoundException("user", username);
    }
  }

  /**
   * The person sets their own password: the current one must be right ({@code currentPassword}),
   * the new one must follow the policy and differ from the current one. Clears the demand to change
   * it. The account's session version moves on (other signed-in sessions end). Audited as {@code
   * user.changePassword} by the person.
   *
   * @throws ValidationException naming {@code currentPassword} or {@code newPassword}
   */
  @Transactional
  public void changeOwnPassword(String username, String currentPassword, String newPassword) {
    User user =
        users.findByUsername(username).orElseThrow(() -> new NotFoundException("user", username));
    FieldErrors errors = new FieldErrors().required("currentPassword", currentPassword);
    boolean currentRight =
        currentPassword != null
            && !currentPassword.isEmpty()
            && passwordEncoder.matches(currentPassword, user.getPasswordHash());
    if (currentPassword != null && !currentPassword.isEmpty()) {
      errors.check(currentRight, "currentPassword", "validation.password.currentWrong");
    }
    PasswordPolicy.check("newPassword", username, newPassword, errors);
    if (currentRight && newPassword != null && newPassword.equals(currentPassword)) {
      errors.add("newPassword", "validation.password.unchanged");
    }
    errors.throwIfAny();
    users.updatePasswordHash(username, passwordEncoder.encode(newPassword), clock.instant(), false);
    audit.record(username, "user.changePassword", "user", username, null);
  }
}
