package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.commitment.PreSessionCheck;
import org.springframework.stereotype.Component;

/**
 * 会前报告承诺落实情况: {@code {text}} — the department's account of an open commitment before the next
 * session, listed for the registrar in the pre-session check.
 */
@Component
class ReportBeforeSessionStep implements TaskStep {

  private final PreSessionCheck check;

  ReportBeforeSessionStep(PreSessionCheck check) {
    this.check = check;
  }

  @Override
  public TaskKey key() {
    return TaskKey.reportBeforeSession;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    String text = body.text("text", true, 20_000);
    body.validate();
    check.report(CommitmentSteps.commitmentId(task), text, task.actor());
    return Map.of();
  }
}
