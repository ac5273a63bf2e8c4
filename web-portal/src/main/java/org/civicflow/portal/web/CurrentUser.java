package org.civicflow.portal.web;

import java.util.List;
import org.civicflow.domain.identity.Role;

/**
 * The signed-in person as pages show them.
 *
 * @param departmentName the department's name, or {@code null} outside departments
 */
public record CurrentUser(
    String username,
    String displayName,
    String departmentCode,
    String departmentName,
    List<Role> roles) {

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
