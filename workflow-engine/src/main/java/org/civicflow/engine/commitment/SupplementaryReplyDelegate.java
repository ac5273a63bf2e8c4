package org.civicflow.engine.commitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.domain.commitment.SupplementaryReply;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 发送并公开补充答复: the signed supplementary reply goes to the proposer and appears under the original
 * reply; the commitment is kept. A retried job sends nothing twice.
 */
@Component("supplementaryReplyDelegate")
class SupplementaryReplyDelegate implements JavaDelegate {

  private final CommitmentFollowUp followUp;
  private final ApplicationEventPublisher events;

  SupplementaryReplyDelegate(CommitmentFollowUp followUp, ApplicationEventPublisher events) {
    this.followUp = followUp;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SupplementaryReply sent = followUp.send(CommitmentVariables.commitmentId(execution));
    if (sent != null) {
      events.publishEvent(
          new CommitmentEvent(
              CommitmentEvent.Kind.SUPPLEMENTARY_SENT,
              sent.getProposalId(),
              sent.getDepartmentCode(),
              sent.getCommitmentId(),
              null));
    }
  }
}
