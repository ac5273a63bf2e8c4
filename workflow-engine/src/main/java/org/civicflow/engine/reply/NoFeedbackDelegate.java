package org.civicflow.engine.reply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.feedback.FeedbackRecording;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 一个月未测评: no answer counts as none. */
@Component("noFeedbackDelegate")
class NoFeedbackDelegate implements JavaDelegate {

  private final FeedbackRecording feedback;
  private final AssignmentManagement assignments;

  NoFeedbackDelegate(FeedbackRecording feedback, AssignmentManagement assignments) {
    this.feedback = feedback;
    this.assignments = assignments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long proposalId = ProcessVariables.proposalId(execution);
    String department = ProcessVariables.department(execution);
    feedback.recordNone(
        proposalId, department, assignments.open(proposalId, department).getRound());
  }
}
