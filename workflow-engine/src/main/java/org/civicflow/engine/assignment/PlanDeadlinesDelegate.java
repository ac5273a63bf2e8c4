package org.civicflow.engine.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 计算办理期限: the department's deadlines become the timers of its handling. */
@Component("planDeadlinesDelegate")
class PlanDeadlinesDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;
  private final DeadlineVariables deadlines;

  PlanDeadlinesDelegate(AssignmentManagement assignments, DeadlineVariables deadlines) {
    this.assignments = assignments;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.apply(
        execution,
        assignments.open(
            ProcessVariables.proposalId(execution), ProcessVariables.department(execution)));
  }
}
