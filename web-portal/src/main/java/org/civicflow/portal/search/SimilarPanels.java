package org.civicflow.portal.search;

import java.util.List;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.search.DraftSources;
import org.civicflow.domain.search.SearchSourceMapper;
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
  private final DraftSources sources;
  private final ReplyDrafting drafting;

  SimilarPanels(SimilarLookup lookup, DraftSources sources, ReplyDrafting drafting) {
    this.lookup = lookup;
    this.sources = sources;
    this.drafting = drafting;
  }

  /** The panel of a task page (lists empty when the step shows none). */
  public record Panel(
      List<SimilarLookup.SimilarProposal> session,
      List<SimilarLookup.SimilarProposal> earlier,
      List<SimilarLookup.SimilarReply> replies,
      List<SearchSourceMapper.AnswerRow> drewFrom) {

    public boolean acceptance() {
      return session != null;
    }

    public boolean drafting() {
      return replies != null;
    }
  }

  /**
   * Whether the step's panel comes from the search index (并案 candidates, similar replies): the task
   * page then loads it after the page ({@code SimilarPanelController}), so that the form never
   * waits on the search. The reviewer's "drew from" list is a plain read and stays in the page.
   */
  public boolean searched(String taskKey) {
    return "reviewAcceptance".equals(taskKey) || "draftReply".equals(taskKey);
  }

  /** The panel for a step of a proposal, or {@code null} when the step shows none. */
  public Panel of(String taskKey, long proposalId, String department, Caller caller) {
    try {
      return switch (taskKey) {
        case "reviewAcceptance" ->
            new Panel(
                lookup.proposals(proposalId, SimilarLookup.Scope.SESSION, SHOWN, caller),
                lookup.proposals(proposalId, SimilarLookup.Scope.EARLIER, SHOWN, caller),
                null,
                null);
        case "draftReply" -> new Panel(null, null, lookup.replies(proposalId, SHOWN, caller), null);
        case "reviewDraft", "signOff" ->
            department == null
                ? null
                : new Panel(
                    null, null, null, sources.of(drafting.latest(proposalId, department).getId()));
        default -> null;
      };
    } catch (RuntimeException e) {
      // the similar items help; they never keep a step from being done
      log.warn("similar items of proposal {} could not be found", proposalId, e);
      return null;
    }
  }
}
