package org.civicflow.engine.reply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 本单位办结: the department's part is done. */
@Component("finishHandlingDelegate")
class FinishHandlingDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;

  FinishHandlingDelegate(AssignmentManagement assignments) {
    this.assignments = assignments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    assignments.complete(
        ProcessVariables.proposalId(execution),
        ProcessVariables.department(execution),
        Actors.current(execution));
  }
}
