package org.civicflow.engine.commitment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.CommitmentFollowUpVariables;
import org.springframework.stereotype.Component;

/** 查看全部承诺是否兑现: sets {@code allCommitmentsKept} for the gateway after a kept commitment. */
@Component("commitmentsKeptDelegate")
class CommitmentsKeptDelegate implements JavaDelegate {

  private final CommitmentFollowUp followUp;

  CommitmentsKeptDelegate(CommitmentFollowUp followUp) {
    this.followUp = followUp;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        CommitmentFollowUpVariables.ALL_COMMITMENTS_KEPT,
        followUp.allKept(
            ProcessVariables.proposalId(execution), ProcessVariables.department(execution)));
  }
}
