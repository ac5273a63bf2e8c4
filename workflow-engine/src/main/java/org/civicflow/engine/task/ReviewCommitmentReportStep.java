package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.domain.reply.Verdict;
import org.civicflow.processes.CommitmentFollowUpVariables;
import org.springframework.stereotype.Component;

/** 审核落实情况报告: {@code {decision: APPROVE|RETURN, comment}}. */
@Component
class ReviewCommitmentReportStep implements TaskStep {

  private final CommitmentFollowUp followUp;

  ReviewCommitmentReportStep(CommitmentFollowUp followUp) {
    this.followUp = followUp;
  }

  @Override
  public TaskKey key() {
    return TaskKey.reviewCommitmentReport;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Verdict verdict = body.choice("decision", Verdict.class, true);
    String comment = body.text("comment", verdict == Verdict.RETURN);
    body.validate();
    followUp.review(CommitmentSteps.commitmentId(task), verdict, comment, task.actor());
    return Map.of(CommitmentFollowUpVariables.COMMITMENT_REVIEW_DECISION, verdict.name());
  }
}
