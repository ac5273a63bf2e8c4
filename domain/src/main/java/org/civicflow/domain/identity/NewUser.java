package org.civicflow.domain.identity;

import java.util.Set;

/** What an administrator enters to create an account. */
public record NewUser(
    String username,
    String displayName,
    String password,
    String departmentCode,
    Set<Role> roles,
    String delegation,
    String email,
    String phone) {

  /** Never shows the password (records print every component otherwise). */
  @Override
  public String toString() {
    return "NewUser[username="
        + username
        + ", displayName="
        + displayName
        + ", password=***, departmentCode="
        + departmentCode
        + ", roles="
        + roles
        + "]";
  }
}
