package org.civicflow.domain.assignment;

/** The part a department plays in handling a proposal. */
public enum AssignmentRole {
  /** 主办: drafts the one reply, including the co-handling opinions. */
  LEAD,
  /** 协办: sends a written opinion to the lead department. */
  CO,
  /** 分办: handles and replies on its own, beside other departments. */
  SEPARATE;

  /** Whether this department writes a reply to the proposer. */
  public boolean replies() {
    return this != CO;
  }
}
