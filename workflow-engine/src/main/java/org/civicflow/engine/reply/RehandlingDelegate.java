package org.civicflow.engine.reply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.Assignment;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.engine.assignment.DeadlineVariables;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 重新办理: the one second round after 不满意, due one month later, with its own reminders. */
@Component("rehandlingDelegate")
class RehandlingDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;
  private final DeadlineVariables deadlines;

  RehandlingDelegate(AssignmentManagement assignments, DeadlineVariables deadlines) {
    this.assignments = assignments;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a =
        assignments.startSecondRound(
            ProcessVariables.proposalId(execution),
            ProcessVariables.department(execution),
            Actors.current(execution));
    deadlines.applyReplyDeadline(execution, a);
  }
}
