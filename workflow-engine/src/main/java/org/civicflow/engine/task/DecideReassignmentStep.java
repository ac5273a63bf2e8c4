package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/** 审核调整申请: {@code {decision: APPROVE|REFUSE, comment}}; APPROVE returns to assignment. */
@Component
class DecideReassignmentStep implements TaskStep {

  enum Decision {
    APPROVE,
    REFUSE
  }

  private final AuditLog audit;

  DecideReassignmentStep(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public TaskKey key() {
    return TaskKey.decideReassignment;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Decision decision = body.choice("decision", Decision.class, true);
    String comment = body.text("comment", decision == Decision.REFUSE);
    body.validate();
    audit.record(
        task.actor(),
        "assignment.decideReassignment",
        "proposal",
        String.valueOf(task.proposalId()),
        task.department() + " " + decision + (comment == null ? "" : ": " + comment));
    return Map.of(ProposalHandlingVariables.REASSIGNMENT_DECISION, decision.name());
  }
}
