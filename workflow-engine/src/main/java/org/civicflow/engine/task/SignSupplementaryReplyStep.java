package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.domain.reply.Verdict;
import org.civicflow.processes.CommitmentFollowUpVariables;
import org.springframework.stereotype.Component;

/**
 * 签发补充答复: {@code {decision: APPROVE|RETURN, comment}}. An approval stores the supplementary reply
 * with its SHA-256 and seal; it is then sent and published by the process.
 */
@Component
class SignSupplementaryReplyStep implements TaskStep {

  private final CommitmentFollowUp followUp;

  SignSupplementaryReplyStep(CommitmentFollowUp followUp) {
    this.followUp = followUp;
  }

  @Override
  public TaskKey key() {
    return TaskKey.signSupplementaryReply;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Verdict verdict = body.choice("decision", Verdict.class, true);
    String comment = body.text("comment", verdict == Verdict.RETURN);
    body.validate();
    followUp.signSupplementary(CommitmentSteps.commitmentId(task), verdict, comment, task.actor());
    return Map.of(CommitmentFollowUpVariables.SUPPLEMENTARY_DECISION, verdict.name());
  }
}
