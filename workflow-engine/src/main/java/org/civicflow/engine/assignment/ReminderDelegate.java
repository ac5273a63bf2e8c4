package org.civicflow.engine.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.Assignment;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** 催办: reminds the department before its deadline (published as {@link DeadlineApproaching}). */
@Component("reminderDelegate")
class ReminderDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;
  private final ApplicationEventPublisher events;

  ReminderDelegate(AssignmentManagement assignments, ApplicationEventPublisher events) {
    this.assignments = assignments;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long proposalId = ProcessVariables.proposalId(execution);
    String department = ProcessVariables.department(execution);
    Assignment a = assignments.open(proposalId, department);
    events.publishEvent(
        new DeadlineApproaching(
            proposalId,
            department,
            a.getDueDate(),
            execution.getCurrentActivityId() + "@" + execution.getProcessInstanceId()));
  }
}
