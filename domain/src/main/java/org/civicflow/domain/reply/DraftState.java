package org.civicflow.domain.reply;

/** Where one draft version stands. */
public enum DraftState {
  /** Submitted, waiting for the department reviewer. */
  SUBMITTED,
  /** Taken back by its handler before review. */
  WITHDRAWN,
  /** Sent back to drafting by the reviewer or the signing leader, with a comment. */
  RETURNED,
  /** Approved by the reviewer, waiting for the signing leader. */
  REVIEWED,
  /** Signed off by the leader: this is the reply. */
  SIGNED
}
