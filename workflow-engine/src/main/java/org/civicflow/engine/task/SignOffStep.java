package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.publication.ReplySigning;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.reply.ReviewStage;
import org.civicflow.domain.reply.Verdict;
import org.springframework.stereotype.Component;

/**
 * 领导签发: {@code {decision: APPROVE|RETURN, comment}}. Approval stores the signed text, the public
 * text derived from it, its SHA-256 and the seal.
 */
@Component
class SignOffStep implements TaskStep {

  private final ReplyDrafting drafting;
  private final ReplySigning signing;

  SignOffStep(ReplyDrafting drafting, ReplySigning signing) {
    this.drafting = drafting;
    this.signing = signing;
  }

  @Override
  public TaskKey key() {
    return TaskKey.signOff;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Verdict verdict = body.choice("decision", Verdict.class, true);
    String comment = body.text("comment", verdict == Verdict.RETURN);
    body.validate();
    if (verdict == Verdict.APPROVE) {
      signing.signOff(task.proposalId(), task.department(), comment, task.actor());
    } else {
      drafting.decide(
          task.proposalId(),
          task.department(),
          ReviewStage.SIGN_OFF,
          verdict,
          comment,
          task.actor());
    }
    return Map.of("signOffDecision", verdict.name());
  }
}
