package org.civicflow.engine.task;

import java.util.HashMap;
import java.util.Map;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/** 立案审查: {@code {decision: ACCEPT|REFUSE|MERGE, reason, mergeIntoId}}. */
@Component
class ReviewAcceptanceStep implements TaskStep {

  enum Decision {
    ACCEPT,
    REFUSE,
    MERGE
  }

  private final Proposals proposals;

  ReviewAcceptanceStep(Proposals proposals) {
    this.proposals = proposals;
  }

  @Override
  public TaskKey key() {
    return TaskKey.reviewAcceptance;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Decision decision = body.choice("decision", Decision.class, true);
    String reason = body.text("reason", decision == Decision.REFUSE, 1000);
    Long target = body.number("mergeIntoId", decision == Decision.MERGE);
    if (decision == Decision.MERGE && target != null) {
      Proposal self = proposals.get(task.proposalId());
      boolean valid =
          target != task.proposalId()
              && proposals
                  .find(target)
                  .filter(p -> p.getSessionId() == self.getSessionId())
                  .isPresent();
      body.errors().check(valid, "mergeIntoId", "validation.merge.target");
    }
    body.validate();
    Map<String, Object> vars = new HashMap<>();
    vars.put(ProposalHandlingVariables.ACCEPTANCE_DECISION, decision.name());
    vars.put("acceptanceReason", reason);
    vars.put(ProposalHandlingVariables.MERGE_INTO_ID, decision == Decision.MERGE ? target : null);
    return vars;
  }
}
