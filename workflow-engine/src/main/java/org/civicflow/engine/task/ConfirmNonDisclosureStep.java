package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.publication.ReplyPublishing;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * 确认不公开: {@code {decision: CONFIRM|PUBLISH, comment}} — the registrar confirms the reason for not
 * publishing, or decides the reply is published after all.
 */
@Component
class ConfirmNonDisclosureStep implements TaskStep {

  enum Decision {
    CONFIRM,
    PUBLISH
  }

  private final ReplyPublishing publishing;
  private final AuditLog audit;

  ConfirmNonDisclosureStep(ReplyPublishing publishing, AuditLog audit) {
    this.publishing = publishing;
    this.audit = audit;
  }

  @Override
  public TaskKey key() {
    return TaskKey.confirmNonDisclosure;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Decision decision = body.choice("decision", Decision.class, true);
    String comment = body.text("comment", decision == Decision.PUBLISH);
    body.validate();
    if (decision == Decision.CONFIRM) {
      publishing.keepNotPublic(task.proposalId(), task.department(), task.actor());
    } else {
      // the decision publishing needs, sealed on the signed reply: the model alone cannot decide it
      publishing.releaseForPublication(task.proposalId(), task.department(), task.actor());
    }
    audit.record(
        task.actor(),
        "reply.disclosureDecision",
        "proposal",
        String.valueOf(task.proposalId()),
        task.department() + " " + decision + (comment == null ? "" : ": " + comment));
    return Map.of(DepartmentHandlingVariables.NON_DISCLOSURE_DECISION, decision.name());
  }
}
