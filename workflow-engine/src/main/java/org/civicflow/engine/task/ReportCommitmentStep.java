package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.commitment.CommitmentFollowUp;
import org.civicflow.domain.commitment.ReportKind;
import org.civicflow.processes.CommitmentFollowUpVariables;
import org.springframework.stereotype.Component;

/** 报告承诺落实情况: {@code {kind: PROGRESS|KEPT, text}} — progress, or fulfilment with evidence. */
@Component
class ReportCommitmentStep implements TaskStep {

  private final CommitmentFollowUp followUp;

  ReportCommitmentStep(CommitmentFollowUp followUp) {
    this.followUp = followUp;
  }

  @Override
  public TaskKey key() {
    return TaskKey.reportCommitment;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    ReportKind kind = body.choice("kind", ReportKind.class, true);
    String text = body.text("text", true, 20_000);
    body.validate();
    followUp.report(CommitmentSteps.commitmentId(task), kind, text, task.actor());
    return Map.of(CommitmentFollowUpVariables.COMMITMENT_REPORT_KIND, kind.name());
  }
}
