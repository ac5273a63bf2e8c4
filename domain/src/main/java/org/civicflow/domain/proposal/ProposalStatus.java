package org.civicflow.domain.proposal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a proposal stands in its handling, and which moves are legal from each status. The process
 * models drive the moves; this table refuses any other.
 */
public enum ProposalStatus {
  REGISTERED,
  REFUSED,
  MERGED,
  ASSIGNING,
  HANDLING,
  IN_REVIEW,
  REPLIED,
  AWAITING_FEEDBACK,
  REHANDLING,
  CLOSED,
  WITHDRAWN;

  private static final Map<ProposalStatus, Set<ProposalStatus>> NEXT =
      Map.ofEntries(
          Map.entry(REGISTERED, EnumSet.of(ASSIGNING, REFUSED, MERGED, WITHDRAWN)),
          Map.entry(ASSIGNING, EnumSet.of(HANDLING, WITHDRAWN)),
          // back to ASSIGNING when a re-assignment request is approved
          Map.entry(HANDLING, EnumSet.of(IN_REVIEW, ASSIGNING, REPLIED, WITHDRAWN)),
          // returned or withdrawn drafts go back to drafting; the signed reply is sent
          Map.entry(IN_REVIEW, EnumSet.of(HANDLING, REHANDLING, REPLIED, WITHDRAWN)),
          Map.entry(REPLIED, EnumSet.of(AWAITING_FEEDBACK, CLOSED)),
          Map.entry(AWAITING_FEEDBACK, EnumSet.of(REHANDLING, CLOSED)),
          // the one second round after an unsatisfied rating
          Map.entry(REHANDLING, EnumSet.of(IN_REVIEW, REPLIED)),
          Map.entry(REFUSED, EnumSet.noneOf(ProposalStatus.class)),
          Map.entry(MERGED, EnumSet.noneOf(ProposalStatus.class)),
          Map.entry(CLOSED, EnumSet.noneOf(ProposalStatus.class)),
          Map.entry(WITHDRAWN, EnumSet.noneOf(ProposalStatus.class)));

  /** Whether the handling rules allow moving from this status to {@code target}. */
  public boolean canMoveTo(ProposalStatus target) {
    return NEXT.get(this).contains(target);
  }

  /** Whether nothing more happens to the proposal. */
  public boolean isFinal() {
    return NEXT.get(this).isEmpty();
  }

  /** Whether the proposer may still withdraw it: only before a reply has been sent. */
  public boolean isWithdrawable() {
    return canMoveTo(WITHDRAWN);
  }

  /** Whether a reply has been sent (the proposal left the departments' hands at least once). */
  public boolean isReplied() {
    return this == REPLIED || this == AWAITING_FEEDBACK || this == REHANDLING || this == CLOSED;
  }
}
