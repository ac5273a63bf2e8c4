package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.springframework.stereotype.Component;

/** 督办承诺事项: {@code {comment}} — what the registrar did about the overdue commitment. */
@Component
class SuperviseCommitmentStep implements TaskStep {

  private final CommitmentFollowUp followUp;

  SuperviseCommitmentStep(CommitmentFollowUp followUp) {
    this.followUp = followUp;
  }

  @Override
  public TaskKey key() {
    return TaskKey.superviseCommitment;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    String comment = body.text("comment", true);
    body.validate();
    followUp.supervise(CommitmentSteps.commitmentId(task), comment, task.actor());
    return Map.of();
  }
}
