package org.civicflow.domain.assignment;

import java.time.LocalDate;
import java.util.List;

/**
 * The registrar's assignment (the body of the {@code assignDepartments} task).
 *
 * @param dueDate a deadline chosen by the registrar, or {@code null} for the rule's deadline
 * @param deadlineMonths the deadline rule's months (from the handling-deadline decision table)
 */
public record AssignmentPlan(
    AssignmentMode mode,
    String lead,
    List<String> co,
    List<String> departments,
    LocalDate dueDate,
    int deadlineMonths) {

  public AssignmentPlan {
    co = co == null ? List.of() : List.copyOf(co);
    departments = departments == null ? List.of() : List.copyOf(departments);
  }
}
