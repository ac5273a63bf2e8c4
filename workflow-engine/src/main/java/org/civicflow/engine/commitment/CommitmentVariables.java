package org.civicflow.engine.commitment;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.civicflow.processes.CommitmentFollowUpVariables;

/** The commitment a follow-up instance follows. */
final class CommitmentVariables {

  private CommitmentVariables() {}

  static long commitmentId(VariableScope scope) {
    Object v = scope.getVariable(CommitmentFollowUpVariables.COMMITMENT_ID);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("process variable commitmentId is missing");
  }
}
