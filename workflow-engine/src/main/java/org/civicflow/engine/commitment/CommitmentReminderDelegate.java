package org.civicflow.engine.commitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.domain.reply.Commitment;
import org.civicflow.domain.reply.CommitmentState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** 提醒落实: the department's handlers are reminded of a commitment due soon. */
@Component("commitmentReminderDelegate")
class CommitmentReminderDelegate implements JavaDelegate {

  private final CommitmentFollowUp followUp;
  private final ApplicationEventPublisher events;

  CommitmentReminderDelegate(CommitmentFollowUp followUp, ApplicationEventPublisher events) {
    this.followUp = followUp;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Commitment c = followUp.commitment(CommitmentVariables.commitmentId(execution));
    if (c.getState() == CommitmentState.OPEN) {
      events.publishEvent(
          new CommitmentEvent(
              CommitmentEvent.Kind.APPROACHING,
              c.getProposalId(),
              c.getDepartmentCode(),
              c.getId(),
              c.getDueDate()));
    }
  }
}
