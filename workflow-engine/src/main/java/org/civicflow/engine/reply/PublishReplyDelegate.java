package org.civicflow.engine.reply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.publication.ReplyPublishing;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 网上公开: publishes the signed public text, exactly once even when the job is retried. */
@Component("publishReplyDelegate")
class PublishReplyDelegate implements JavaDelegate {

  private final ReplyPublishing publishing;

  PublishReplyDelegate(ReplyPublishing publishing) {
    this.publishing = publishing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publishing.publish(
        ProcessVariables.proposalId(execution), ProcessVariables.department(execution));
  }
}
