package org.civicflow.engine.task;

import org.civicflow.processes.CommitmentFollowUpVariables;

/** What the steps of a commitment's follow-up share: the commitment its process follows. */
final class CommitmentSteps {

  static final String COMMITMENT_ID = CommitmentFollowUpVariables.COMMITMENT_ID;

  private CommitmentSteps() {}

  static long commitmentId(TaskContext task) {
    Object v = task.variable().apply(COMMITMENT_ID);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("task " + task.taskId() + " lacks its commitmentId");
  }
}
