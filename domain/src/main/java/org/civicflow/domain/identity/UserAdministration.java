package org.civicflow.domain.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.department.DepartmentDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does with accounts: create them, change roles, department and contact
 * details, disable and enable them, set a new password, lift the sign-in lockouts early. Every
 * change is in the audit log (never a password). A password the administrator chose — of a new
 * account or a reset one — must be changed by the person at the next sign-in. Changes that alter
 * what a person may do — disabled, new password, other roles or department — move the account's
 * session version on, which ends the person's signed-in sessions on their next request (see {@link
 * UserDirectory#sessionVersion}).
 *
 * <p>An administrator can neither disable their own account nor take away their own admin role:
 * that keeps at least one administrator able to sign in.
 */
@Service
public class UserAdministration {

  /**
   * The changeable part of an account; the whole of it is replaced.
   *
   * @param departmentCode required for handlers, reviewers and leaders
   * @param delegation the delegation or sector (代表团/界别) of a proposer
   */
  public record Edit(
      String displayName,
      String departmentCode,
      Set<Role> roles,
      String delegation,
      String email,
      String phone) {}

  private final UserManagement management;
  private final UserMapper users;
  private final DepartmentDirectory departments;
  private final AuditLog audit;
  private final AddressLocks lockouts;

  UserAdministration(
      UserManagement management,
      UserMapper users,
      DepartmentDirectory departments,
      AuditLog audit,
      AddressLocks lockouts) {
    this.management = management;
    this.users = users;
    this.departments = departments;
    this.audit = audit;
    this.lockouts = lockouts;
  }

  /**
   * Creates an account with a password that follows the {@link PasswordPolicy}; the person must
   * change it at the first sign-in.
   */
  @Transactional
  public User create(NewUser input, String actor) {
    NewUser clean =
        new NewUser(
            strip(input.username()),
            input.displayName(),
            input.password(),
            blankToNull(input.departmentCode()),
            input.roles(),
            blankToNull(input.delegation()),
            blankToNull(input.email()),
            blankToNull(input.phone()));
    User user = management.createRequiringPasswordChange(clean);
    audit.record(
        actor,
        "user.create",
        "user",
        user.getUsername(),
        "displayName="
            + user.getDisplayName()
            + "; department="
            + user.getDepartmentCode()
            + "; roles="
            + new TreeSet<>(user.getRoles()));
    return user;
  }

  /** Replaces name, department, roles and contact details; records what changed. */
  @Transactional
  public User update(String username, Edit edit, String actor) {
    User current = get(username);
    String department = blankToNull(edit.departmentCode());
    Set<Role> roles =
        edit.roles() == null || edit.roles().isEmpty()
            ? EnumSet.noneOf(Role.class)
            : EnumSet.copyOf(edit.roles());
    FieldErrors errors =
        new FieldErrors()
            .required("displayName", edit.displayName())
            .maxLength("displayName", edit.displayName(), FieldErrors.SHORT_TEXT)
            .required("roles", roles)
            .maxLength("delegation", edit.delegation(), FieldErrors.SHORT_TEXT);
    boolean departmentChanged = !Objects.equals(department, current.getDepartmentCode());
    // an account may keep a department that was taken out of use; a new one must be in use
    boolean departmentUsable =
        department != null
            && (departmentChanged
                ? departments.exists(department)
                : departments.all().stream().anyMatch(d -> d.code().equals(department)));
    if (roles.stream().anyMatch(Role::isDepartmental)) {
      errors.check(departmentUsable, "departmentCode", "validation.user.departmentRequired");
    } else if (department != null && !departmentUsable) {
      errors.add("departmentCode", "validation.department.unknown");
    }
    if (username.equals(actor) && current.hasRole(Role.ADMIN)) {
      errors.check(roles.contains(Role.ADMIN), "roles", "validation.user.ownAdminRole");
    }
    UserManagement.checkContact(errors, blankToNull(edit.email()), blankToNull(edit.phone()));
    errors.throwIfAny();

    User changed =
        new User(
            username,
            edit.displayName().strip(),
            current.getPasswordHash(),
            department,
            roles,
            current.getCreatedAt());
    changed.setDelegation(blankToNull(edit.delegation()));
    changed.setEmail(blankToNull(edit.email()));
    changed.setPhone(blankToNull(edit.phone()));
    List<String> changes = new ArrayList<>();
    diff(changes, "displayName", current.getDisplayName(), changed.getDisplayName());
    diff(changes, "department", current.getDepartmentCode(), changed.getDepartmentCode());
    diff(changes, "roles", new TreeSet<>(current.getRoles()), new TreeSet<>(changed.getRoles()));
    diff(changes, "delegation", current.getDelegation(), changed.getDelegation());
    diff(changes, "email", current.getEmail(), changed.getEmail());
    diff(changes, "phone", current.getPhone(), changed.getPhone());
    if (changes.isEmpty()) {
      return current;
    }
    users.updateProfile(
        current.getId(),
        changed.getDisplayName(),
        changed.getDepartmentCode(),
        changed.getDelegation(),
        changed.getEmail(),
        changed.getPhone());
    boolean rolesChanged = !current.getRoles().equals(changed.getRoles());
    if (rolesChanged) {
      users.deleteRoles(current.getId());
      for (Role role : changed.getRoles()) {
        users.insertRole(current.getId(), role);
      }
    }
    if (rolesChanged || departmentChanged) {
      // what the person may do changed: their signed-in sessions end
      users.incrementVersion(current.getId());
    }
    audit.record(actor, "user.update", "user", username, String.join("; ", changes));
    return get(username);
  }

  /** Disables an account: it cannot sign in, and its signed-in sessions end. */
  @Transactional
  public void disable(String username, String actor) {
    if (username.equals(actor)) {
      throw ValidationException.of("enabled", "validation.user.disableSelf");
    }
    if (!get(username).isEnabled()) {
      return;
    }
    management.setEnabled(username, false);
    audit.record(actor, "user.disable", "user", username, null);
  }

  @Transactional
  public void enable(String username, String actor) {
    if (get(username).isEnabled()) {
      return;
    }
    management.setEnabled(username, true);
    audit.record(actor, "user.enable", "user", username, null);
  }

  /**
   * Sets a new password (following the policy); the account's signed-in sessions end and the person
   * must change it at the next sign-in.
   */
  @Transactional
  public void resetPassword(String username, String newPassword, String actor) {
    get(username);
    management.setPasswordByAdministrator(username, newPassword);
    audit.record(actor, "user.resetPassword", "user", username, null);
  }

  /**
   * Lifts every sign-in lockout of the account early (they also end by themselves), and its
   * account-wide count; the audit detail lists the addresses that were locked.
   */
  @Transactional
  public void unlock(String username, String actor) {
    get(username);
    List<AddressLock> lifted = lockouts.unlock(username);
    audit.record(
        actor,
        "user.unlock",
        "user",
        username,
        "addresses=" + lifted.stream().map(AddressLock::address).toList());
  }

  private User get(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(() -> new NotFoundException("user", username));
  }

  private static void diff(List<String> changes, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(field + ": " + before + " → " + after);
    }
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
