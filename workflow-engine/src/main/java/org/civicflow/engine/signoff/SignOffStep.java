package org.civicflow.engine.signoff;

import java.util.Map;
import org.civicflow.domain.reply.Verdict;
import org.civicflow.domain.signoff.ReplySigning;
import org.civicflow.engine.task.TaskBody;
import org.civicflow.engine.task.TaskContext;
import org.civicflow.engine.task.TaskKey;
import org.civicflow.engine.task.TaskStep;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * 领导签发: {@code {decision: APPROVE|RETURN, comment}}. The first approval stores the signed text, the
 * public text derived from it, its SHA-256 and the seal; a further approval step that an admin
 * added with this form is recorded on the same signed reply, and its return voids the signature.
 */
@Component
class SignOffStep implements TaskStep {

  private final ReplySigning signing;

  SignOffStep(ReplySigning signing) {
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
      signing.signOff(task.proposalId(), task.department(), task.step(), comment, task.actor());
    } else {
      signing.returnAtSignOff(
          task.proposalId(), task.department(), task.step(), comment, task.actor());
    }
    return Map.of(DepartmentHandlingVariables.SIGN_OFF_DECISION, verdict.name());
  }
}
