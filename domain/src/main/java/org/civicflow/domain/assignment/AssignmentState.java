package org.civicflow.domain.assignment;

/** Where one department's assignment stands. */
public enum AssignmentState {
  /** Waiting for the department to sign for it (签收) or object. */
  AWAITING_SIGN_FOR,
  /** The department asked for re-assignment; the registrar decides. */
  REASSIGNMENT_REQUESTED,
  /** Signed for: the department is handling it. */
  SIGNED_FOR,
  /** Taken away from the department by a re-assignment. */
  RELEASED,
  /** The department's part is done (reply rated, or opinion sent). */
  COMPLETED,
  /** Ended because the proposal was withdrawn. */
  CANCELLED;

  /** Whether the department still has work on it. */
  public boolean isOpen() {
    return this == AWAITING_SIGN_FOR || this == REASSIGNMENT_REQUESTED || this == SIGNED_FOR;
  }
}
