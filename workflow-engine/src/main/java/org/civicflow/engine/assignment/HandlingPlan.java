package org.civicflow.engine.assignment;

import java.util.List;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.springframework.stereotype.Component;

/**
 * The department lists that the models' multi-instance activities iterate over, read from the
 * assignments (process variables hold no lists: Java serialization is disabled).
 */
@Component("handlingPlan")
public class HandlingPlan {

  private final AssignmentManagement assignments;

  HandlingPlan(AssignmentManagement assignments) {
    this.assignments = assignments;
  }

  /** Departments that still have to sign for their assignment. */
  public List<String> signForDepartments(long proposalId) {
    return assignments.awaitingSignFor(proposalId);
  }

  /** The lead department, or every separately handling department. */
  public List<String> handlingDepartments(long proposalId) {
    return assignments.replying(proposalId);
  }

  /** The co-handling departments whose opinions {@code department} (the lead) waits for. */
  public List<String> coDepartments(long proposalId, String department) {
    return assignments.coHandling(proposalId, department);
  }
}
