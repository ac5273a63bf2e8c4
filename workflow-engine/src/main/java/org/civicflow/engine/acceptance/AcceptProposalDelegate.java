package org.civicflow.engine.acceptance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.proposal.ProposalLifecycle;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 立案: the proposal goes on to assignment. */
@Component("acceptProposalDelegate")
class AcceptProposalDelegate implements JavaDelegate {

  private final ProposalLifecycle lifecycle;

  AcceptProposalDelegate(ProposalLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.accept(ProcessVariables.proposalId(execution), Actors.current(execution));
  }
}
