package org.civicflow.engine.commitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.domain.reply.Commitment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** 标记承诺逾期: the date passed without fulfilment; the registrar supervises it next. */
@Component("commitmentOverdueDelegate")
class CommitmentOverdueDelegate implements JavaDelegate {

  private final CommitmentFollowUp followUp;
  private final ApplicationEventPublisher events;

  CommitmentOverdueDelegate(CommitmentFollowUp followUp, ApplicationEventPublisher events) {
    this.followUp = followUp;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = CommitmentVariables.commitmentId(execution);
    followUp.markOverdue(id);
    Commitment c = followUp.commitment(id);
    events.publishEvent(
        new CommitmentEvent(
            CommitmentEvent.Kind.PASSED,
            c.getProposalId(),
            c.getDepartmentCode(),
            c.getId(),
            c.getDueDate()));
  }
}
