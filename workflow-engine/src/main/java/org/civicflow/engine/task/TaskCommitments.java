package org.civicflow.engine.task;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The commitment an inbox row's step follows (its process's {@code commitmentId}), if any. */
@Component
public class TaskCommitments {

  private final RuntimeService runtime;

  TaskCommitments(RuntimeService runtime) {
    this.runtime = runtime;
  }

  /** The commitment of a row whose key follows one; {@code null} otherwise or once it ended. */
  public Long of(InboxRow row) {
    if (TaskKey.of(row.key()).map(TaskKey::isCommitments).orElse(false)) {
      try {
        Object v = runtime.getVariable(row.processInstanceId(), CommitmentSteps.COMMITMENT_ID);
        return v instanceof Number n ? n.longValue() : null;
      } catch (RuntimeException ended) {
        return null; // the instance ended meanwhile: the row is stale, it has no commitment now
      }
    }
    return null;
  }
}
