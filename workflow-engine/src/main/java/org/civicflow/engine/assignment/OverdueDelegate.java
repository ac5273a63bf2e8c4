package org.civicflow.engine.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** 标记逾期: the deadline passed; the registrar's supervision task follows in the model. */
@Component("overdueDelegate")
class OverdueDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;
  private final ApplicationEventPublisher events;

  OverdueDelegate(AssignmentManagement assignments, ApplicationEventPublisher events) {
    this.assignments = assignments;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long proposalId = ProcessVariables.proposalId(execution);
    String department = ProcessVariables.department(execution);
    assignments.markOverdue(proposalId, department);
    events.publishEvent(
        new DeadlinePassed(
            proposalId,
            department,
            assignments.open(proposalId, department).getDueDate(),
            execution.getCurrentActivityId() + "@" + execution.getProcessInstanceId()));
  }
}
