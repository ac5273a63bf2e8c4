package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * 签收: {@code {decision: ACCEPT|REQUEST_REASSIGNMENT, reason}}. A request is refused (409) once the
 * sign-for window has passed.
 */
@Component
class SignForStep implements TaskStep {

  enum Decision {
    ACCEPT,
    REQUEST_REASSIGNMENT
  }

  private final AssignmentManagement assignments;

  SignForStep(AssignmentManagement assignments) {
    this.assignments = assignments;
  }

  @Override
  public TaskKey key() {
    return TaskKey.signFor;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Decision decision = body.choice("decision", Decision.class, true);
    String reason = body.text("reason", decision == Decision.REQUEST_REASSIGNMENT, 1000);
    body.validate();
    if (decision == Decision.REQUEST_REASSIGNMENT) {
      assignments.requestReassignment(task.proposalId(), task.department(), reason, task.actor());
    }
    return Map.of(ProposalHandlingVariables.SIGN_FOR_DECISION, decision.name());
  }
}
