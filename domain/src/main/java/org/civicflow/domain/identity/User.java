package org.civicflow.domain.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A person who signs in: staff of a department, the registrar's office, a proposer or an admin. */
public class User {

  private Long id;
  private String username;
  private String displayName;
  private String passwordHash;
  private String departmentCode;
  private String delegation;
  private String email;
  private String phone;
  private boolean enabled = true;
  private boolean mustChangePassword;
  private Instant createdAt;
  private Instant passwordChangedAt;
  // A plain list without accessors: MyBatis fills it directly from the role rows.
  private List<Role> grantedRoles = new ArrayList<>();

  User() {}

  /** A new enabled account. */
  public User(
      String username,
      String displayName,
      String passwordHash,
      String departmentCode,
      Set<Role> roles,
      Instant createdAt) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.departmentCode = departmentCode;
    this.grantedRoles = new ArrayList<>(roles);
    this.createdAt = createdAt;
    this.passwordChangedAt = createdAt;
  }

  public boolean hasRole(Role role) {
    return grantedRoles.contains(role);
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public String getDelegation() {
    return delegation;
  }

  public void setDelegation(String delegation) {
    this.delegation = delegation;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Whether the person must set a password of their own before doing anything else: the first
   * administrator, and every account whose password an administrator set.
   */
  public boolean isMustChangePassword() {
    return mustChangePassword;
  }

  void setMustChangePassword(boolean mustChangePassword) {
    this.mustChangePassword = mustChangePassword;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getPasswordChangedAt() {
    return passwordChangedAt;
  }

  public Set<Role> getRoles() {
    return grantedRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(grantedRoles);
  }
}
