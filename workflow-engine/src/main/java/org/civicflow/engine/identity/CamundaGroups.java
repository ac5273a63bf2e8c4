package org.civicflow.engine.identity;

import java.util.ArrayList;
import java.util.List;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.User;

/**
 * How our identity maps to Camunda groups: one group per role ({@code registrar}, {@code handler},
 * …), one per department (its code, e.g. {@code SCJG}), and one per department and departmental
 * role ({@code SCJG-handler}, {@code SCJG-reviewer}, {@code SCJG-leader}) — the candidate groups of
 * the process models.
 */
public final class CamundaGroups {

  /** Group type of the role groups. */
  public static final String ROLE = "ROLE";

  /** Group type of the department groups. */
  public static final String DEPARTMENT = "DEPARTMENT";

  /** Group type of the department-and-role groups used as task candidates. */
  public static final String WORKFLOW = "WORKFLOW";

  private CamundaGroups() {}

  /** The candidate group of a department's people in a departmental role, e.g. SCJG-handler. */
  public static String of(String departmentCode, Role role) {
    return departmentCode + "-" + role.groupId();
  }

  /** Every Camunda group the user belongs to. */
  public static List<String> groupIdsOf(User user) {
    List<String> groups = new ArrayList<>();
    for (Role role : user.getRoles()) {
      groups.add(role.groupId());
      if (role.isDepartmental() && user.getDepartmentCode() != null) {
        groups.add(of(user.getDepartmentCode(), role));
      }
    }
    if (user.getDepartmentCode() != null) {
      groups.add(user.getDepartmentCode());
    }
    return groups;
  }
}
