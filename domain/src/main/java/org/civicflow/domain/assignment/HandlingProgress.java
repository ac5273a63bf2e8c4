package org.civicflow.domain.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.civicflow.domain.proposal.ProposalStatus;

/**
 * The proposal's status as its replying departments' progress shows it: the least advanced
 * department decides (a proposal is replied when every separately handling department replied).
 */
public final class HandlingProgress {

  private HandlingProgress() {}

  /**
   * The status that the open replying assignments imply, or empty when none is open (the proposal
   * itself decides then: closed, re-assigned, withdrawn).
   */
  public static Optional<ProposalStatus> summarize(List<Assignment> assignments) {
    return assignments.stream()
        .filter(a -> a.getRole().replies() && a.getState() == AssignmentState.SIGNED_FOR)
        .filter(a -> a.getStage() != null && a.getStage() != HandlingStage.DONE)
        .min(
            Comparator.comparingInt((Assignment a) -> a.getStage().ordinal())
                .thenComparingInt(Assignment::getRound))
        .map(HandlingProgress::statusOf);
  }

  /** Whether more than one department replies on its own (separate handling). */
  public static boolean severalReplying(List<Assignment> assignments) {
    return assignments.stream()
            .filter(a -> a.getRole().replies() && a.getState() != AssignmentState.RELEASED)
            .filter(a -> a.getState() != AssignmentState.CANCELLED)
            .count()
        > 1;
  }

  private static ProposalStatus statusOf(Assignment a) {
    return switch (a.getStage()) {
      case DRAFTING -> a.getRound() > 1 ? ProposalStatus.REHANDLING : ProposalStatus.HANDLING;
      case IN_REVIEW -> ProposalStatus.IN_REVIEW;
      case REPLIED -> ProposalStatus.REPLIED;
      case AWAITING_FEEDBACK -> ProposalStatus.AWAITING_FEEDBACK;
      case DONE -> throw new IllegalStateException("done departments are filtered out");
    };
  }
}
