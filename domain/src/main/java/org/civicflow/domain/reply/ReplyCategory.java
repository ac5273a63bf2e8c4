package org.civicflow.domain.reply;

/** The category of a reply. */
public enum ReplyCategory {
  /** 已解决或采纳. */
  A,
  /** 正在解决或列入计划. */
  B,
  /** 因条件限制留作参考. */
  C;

  /** Whether a reply of this category promises action, and so lists its commitments. */
  public boolean promisesAction() {
    return this == B;
  }
}
