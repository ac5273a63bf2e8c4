package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.reply.ReplyDrafting;
import org.springframework.stereotype.Component;

/** 会办意见: {@code {opinion}} from a co-handling department to the lead department. */
@Component
class CoHandlingOpinionStep implements TaskStep {

  private final ReplyDrafting drafting;

  CoHandlingOpinionStep(ReplyDrafting drafting) {
    this.drafting = drafting;
  }

  @Override
  public TaskKey key() {
    return TaskKey.coHandlingOpinion;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    String opinion = body.text("opinion", true, 100_000);
    body.validate();
    drafting.submitOpinion(task.proposalId(), task.department(), opinion, task.actor());
    return Map.of();
  }
}
