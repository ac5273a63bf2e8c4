package org.civicflow.engine.acceptance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.proposal.ProposalLifecycle;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 不予立案: records the refusal with its reason, which the proposer is told. */
@Component("refuseProposalDelegate")
class RefuseProposalDelegate implements JavaDelegate {

  private final ProposalLifecycle lifecycle;

  RefuseProposalDelegate(ProposalLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.refuse(
        ProcessVariables.proposalId(execution),
        (String) execution.getVariable("acceptanceReason"),
        Actors.current(execution));
  }
}
