package org.civicflow.portal.search;

import java.util.List;
import org.civicflow.engine.task.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a task page shows beside the form: at acceptance the 并案 candidates of the session and the
 * similar proposals of earlier sessions; while drafting the similar earlier replies.
 */
@Component
public class SimilarPanels {

  private static final Logger log = LoggerFactory.getLogger(SimilarPanels.class);
  static final int SHOWN = 5;

  private final SimilarLookup lookup;

  SimilarPanels(SimilarLookup lookup) {
    this.lookup = lookup;
  }

  /** The panel of a task page (lists empty when the step shows none). */
  public record Panel(
      List<SimilarLookup.SimilarProposal> session,
      List<SimilarLookup.SimilarProposal> earlier,
      List<SimilarLookup.SimilarReply> replies) {

    public boolean acceptance() {
      return session != null;
    }

    public boolean drafting() {
      return replies != null;
    }
  }

  /** The panel for a step of a proposal, or {@code null} when the step shows none. */
  public Panel of(String taskKey, long proposalId, Caller caller) {
    try {
      return switch (taskKey) {
        case "reviewAcceptance" ->
            new Panel(
                lookup.proposals(proposalId, SimilarLookup.Scope.SESSION, SHOWN, caller),
                lookup.proposals(proposalId, SimilarLookup.Scope.EARLIER, SHOWN, caller),
                null);
        case "draftReply" -> new Panel(null, null, lookup.replies(proposalId, SHOWN, caller));
        default -> null;
      };
    } catch (RuntimeException e) {
      // the similar items help; they never keep a step from being done
      log.warn("similar items of proposal {} could not be found", proposalId, e);
      return null;
    }
  }
}
