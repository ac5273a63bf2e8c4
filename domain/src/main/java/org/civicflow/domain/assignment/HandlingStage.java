package org.civicflow.domain.assignment;

/** How far a replying department (lead or separate) has come with its reply. */
public enum HandlingStage {
  /** Drafting (first round, or the second after an unsatisfied rating). */
  DRAFTING,
  /** A draft is with the department's reviewer or leader. */
  IN_REVIEW,
  /** The signed reply was sent to the proposer. */
  REPLIED,
  /** Waiting for the proposer's rating. */
  AWAITING_FEEDBACK,
  /** Rated (or the month passed): the department's part is done. */
  DONE
}
