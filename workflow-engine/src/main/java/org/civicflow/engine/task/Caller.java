package org.civicflow.engine.task;

import java.util.List;
import java.util.Set;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.User;
import org.civicflow.engine.identity.CamundaGroups;

/**
 * The signed-in person as the engine sees them: user name, Camunda groups and roles.
 *
 * @param department the person's department code, or {@code null}
 */
public record Caller(String username, String department, Set<Role> roles, List<String> groups) {

  public static Caller of(User user) {
    return new Caller(
        user.getUsername(),
        user.getDepartmentCode(),
        user.getRoles(),
        CamundaGroups.groupIdsOf(user));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
