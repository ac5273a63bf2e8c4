package org.civicflow.engine.reply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.assignment.HandlingStage;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 请代表测评: the proposer is asked to rate the reply. */
@Component("requestFeedbackDelegate")
class RequestFeedbackDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;

  RequestFeedbackDelegate(AssignmentManagement assignments) {
    this.assignments = assignments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    assignments.advance(
        ProcessVariables.proposalId(execution),
        ProcessVariables.department(execution),
        HandlingStage.AWAITING_FEEDBACK,
        Actors.current(execution));
  }
}
