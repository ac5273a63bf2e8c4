package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.audit.AuditLog;
import org.springframework.stereotype.Component;

/** 督办: {@code {comment}} — what the registrar did about the overdue item. */
@Component
class SuperviseOverdueStep implements TaskStep {

  private final AuditLog audit;

  SuperviseOverdueStep(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public TaskKey key() {
    return TaskKey.superviseOverdue;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    String comment = body.text("comment", true);
    body.validate();
    audit.record(
        task.actor(),
        "assignment.supervise",
        "proposal",
        String.valueOf(task.proposalId()),
        task.department() + ": " + comment);
    return Map.of();
  }
}
