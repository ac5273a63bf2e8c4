package org.civicflow.engine.commitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.domain.reply.Commitment;
import org.civicflow.domain.reply.CommitmentState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 通知会前报告: the pre-session check reached an open commitment; its department's handlers (and the
 * registrars) are told to report on it before the session.
 */
@Component("preSessionNoticeDelegate")
class PreSessionNoticeDelegate implements JavaDelegate {

  private final CommitmentFollowUp followUp;
  private final ApplicationEventPublisher events;

  PreSessionNoticeDelegate(CommitmentFollowUp followUp, ApplicationEventPublisher events) {
    this.followUp = followUp;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Commitment c = followUp.commitment(CommitmentVariables.commitmentId(execution));
    if (c.getState() == CommitmentState.OPEN || c.getState() == CommitmentState.OVERDUE) {
      events.publishEvent(
          new CommitmentEvent(
              CommitmentEvent.Kind.BEFORE_SESSION,
              c.getProposalId(),
              c.getDepartmentCode(),
              c.getId(),
              c.getDueDate()));
    }
  }
}
