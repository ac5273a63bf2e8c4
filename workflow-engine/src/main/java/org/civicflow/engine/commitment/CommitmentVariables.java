package org.civicflow.engine.commitment;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The commitment a follow-up instance follows. */
final class CommitmentVariables {

  private CommitmentVariables() {}

  static long commitmentId(VariableScope scope) {
    Object v = scope.getVariable("commitmentId");
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("process variable commitmentId is missing");
  }
}
