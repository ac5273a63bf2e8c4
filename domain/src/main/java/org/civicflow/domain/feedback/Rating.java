package org.civicflow.domain.feedback;

/** A rating given by the proposer. */
public enum Rating {
  /** 满意. */
  SATISFIED,
  /** 基本满意. */
  BASICALLY_SATISFIED,
  /** 不满意. */
  UNSATISFIED;

  /** Whether the rating counts towards the satisfaction rate (满意率). */
  public boolean isSatisfied() {
    return this != UNSATISFIED;
  }
}
