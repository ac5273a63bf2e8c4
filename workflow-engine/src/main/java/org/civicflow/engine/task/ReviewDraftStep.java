package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.reply.ReviewStage;
import org.civicflow.domain.reply.Verdict;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.springframework.stereotype.Component;

/** 部门审核: {@code {decision: APPROVE|RETURN, comment}}; a return needs a comment. */
@Component
class ReviewDraftStep implements TaskStep {

  private final ReplyDrafting drafting;

  ReviewDraftStep(ReplyDrafting drafting) {
    this.drafting = drafting;
  }

  @Override
  public TaskKey key() {
    return TaskKey.reviewDraft;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Verdict verdict = body.choice("decision", Verdict.class, true);
    String comment = body.text("comment", verdict == Verdict.RETURN);
    body.validate();
    drafting.decide(
        task.proposalId(),
        task.department(),
        ReviewStage.REVIEW,
        task.step(),
        verdict,
        comment,
        task.actor());
    return Map.of(DepartmentHandlingVariables.REVIEW_DECISION, verdict.name());
  }
}
