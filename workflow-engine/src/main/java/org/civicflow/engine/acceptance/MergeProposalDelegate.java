package org.civicflow.engine.acceptance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.proposal.ProposalLifecycle;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/** 并案: the proposal is handled with another one; its proposer still gets that reply. */
@Component("mergeProposalDelegate")
class MergeProposalDelegate implements JavaDelegate {

  private final ProposalLifecycle lifecycle;

  MergeProposalDelegate(ProposalLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Number target = (Number) execution.getVariable(ProposalHandlingVariables.MERGE_INTO_ID);
    lifecycle.merge(
        ProcessVariables.proposalId(execution),
        target.longValue(),
        (String) execution.getVariable("acceptanceReason"),
        Actors.current(execution));
  }
}
