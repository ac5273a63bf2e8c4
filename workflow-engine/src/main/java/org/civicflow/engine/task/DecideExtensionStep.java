package org.civicflow.engine.task;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * 审核延期申请: {@code {decision: APPROVE|REFUSE, newDueDate, comment}}; without a date the requested one
 * is granted. At most three months beyond the current deadline.
 */
@Component
class DecideExtensionStep implements TaskStep {

  enum Decision {
    APPROVE,
    REFUSE
  }

  private final AssignmentManagement assignments;
  private final AuditLog audit;

  DecideExtensionStep(AssignmentManagement assignments, AuditLog audit) {
    this.assignments = assignments;
    this.audit = audit;
  }

  @Override
  public TaskKey key() {
    return TaskKey.decideExtension;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Decision decision = body.choice("decision", Decision.class, true);
    LocalDate newDueDate = body.date("newDueDate", false);
    String comment = body.text("comment", decision == Decision.REFUSE);
    body.validate();
    Map<String, Object> vars = new HashMap<>();
    vars.put(DepartmentHandlingVariables.EXTENSION_DECISION, decision.name());
    if (decision == Decision.APPROVE) {
      if (newDueDate == null
          && task.variable().apply(DepartmentHandlingVariables.REQUESTED_EXTENSION_DATE)
              instanceof String s) {
        newDueDate = LocalDate.parse(s);
      }
      if (newDueDate == null) {
        body.errors().add("newDueDate", "validation.required");
        body.validate();
      }
      try {
        newDueDate = assignments.checkExtension(task.proposalId(), task.department(), newDueDate);
      } catch (ValidationException e) {
        e.fieldErrors().forEach(body.errors()::add);
        body.validate();
      }
      vars.put(DepartmentHandlingVariables.APPROVED_DUE_DATE, newDueDate.toString());
    }
    audit.record(
        task.actor(),
        "assignment.decideExtension",
        "proposal",
        String.valueOf(task.proposalId()),
        task.department()
            + " "
            + decision
            + (newDueDate == null || decision == Decision.REFUSE ? "" : " → " + newDueDate)
            + (comment == null ? "" : ": " + comment));
    return vars;
  }
}
