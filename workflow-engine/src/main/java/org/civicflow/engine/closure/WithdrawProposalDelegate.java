package org.civicflow.engine.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.proposal.ProposalLifecycle;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 撤回登记: the proposer withdrew the proposal before the reply; open assignments end. */
@Component("withdrawProposalDelegate")
class WithdrawProposalDelegate implements JavaDelegate {

  private final ProposalLifecycle lifecycle;
  private final AssignmentManagement assignments;

  WithdrawProposalDelegate(ProposalLifecycle lifecycle, AssignmentManagement assignments) {
    this.lifecycle = lifecycle;
    this.assignments = assignments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long proposalId = ProcessVariables.proposalId(execution);
    lifecycle.withdraw(
        proposalId, (String) execution.getVariable("withdrawalReason"), Actors.current(execution));
    assignments.cancelAll(proposalId);
  }
}
