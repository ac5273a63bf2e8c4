package org.civicflow.engine.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.proposal.ProposalLifecycle;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 办结: every department has finished. */
@Component("closeProposalDelegate")
class CloseProposalDelegate implements JavaDelegate {

  private final ProposalLifecycle lifecycle;

  CloseProposalDelegate(ProposalLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.close(ProcessVariables.proposalId(execution), Actors.current(execution));
  }
}
