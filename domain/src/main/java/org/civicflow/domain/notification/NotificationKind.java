package org.civicflow.domain.notification;

/** Why someone is notified. */
public enum NotificationKind {
  /** 催办: a department's deadline is near. */
  DEADLINE_APPROACHING,
  /** 逾期督办: a department's deadline passed. */
  DEADLINE_PASSED,
  /** The reply was sent to the proposer. */
  REPLY_SENT
}
