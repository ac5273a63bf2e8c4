package org.civicflow.engine.reply;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.publication.ReplySigning;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 网上公开: publishes the signed public text, exactly once even when the job is retried. */
@Component("publishReplyDelegate")
class PublishReplyDelegate implements JavaDelegate {

  private final ReplySigning signing;

  PublishReplyDelegate(ReplySigning signing) {
    this.signing = signing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    signing.publish(ProcessVariables.proposalId(execution), ProcessVariables.department(execution));
  }
}
