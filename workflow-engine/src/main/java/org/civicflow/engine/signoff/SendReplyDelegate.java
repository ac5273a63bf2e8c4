package org.civicflow.engine.signoff;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.assignment.HandlingStage;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.Publications;
import org.civicflow.domain.signoff.ReplySigning;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 答复代表: the signed reply is sent (it runs as a job after sign-off; marking it replied twice is
 * harmless, so a retried job does not send twice).
 */
@Component("sendReplyDelegate")
class SendReplyDelegate implements JavaDelegate {

  private final Publications publications;
  private final ReplySigning signing;
  private final AssignmentManagement assignments;
  private final ApplicationEventPublisher events;

  SendReplyDelegate(
      Publications publications,
      ReplySigning signing,
      AssignmentManagement assignments,
      ApplicationEventPublisher events) {
    this.publications = publications;
    this.signing = signing;
    this.assignments = assignments;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long proposalId = ProcessVariables.proposalId(execution);
    String department = ProcessVariables.department(execution);
    boolean firstTime = publications.current(proposalId, department).getRepliedAt() == null;
    Publication p = signing.markReplied(proposalId, department);
    assignments.advance(proposalId, department, HandlingStage.REPLIED, Actors.current(execution));
    if (firstTime) {
      events.publishEvent(new ReplySent(proposalId, department, p.getId()));
    }
  }
}
