package org.civicflow.domain.notification;

/** Why someone is notified. */
public enum NotificationKind {
  /** 催办: a department's deadline is near. */
  DEADLINE_APPROACHING,
  /** 逾期督办: a department's deadline passed. */
  DEADLINE_PASSED,
  /** The reply was sent to the proposer. */
  REPLY_SENT,
  /** A commitment of a reply is due soon. */
  COMMITMENT_APPROACHING,
  /** A commitment's date passed without fulfilment; the registrar supervises it. */
  COMMITMENT_PASSED,
  /** A supplementary reply (补充答复) confirming a kept commitment was sent to the proposer. */
  SUPPLEMENTARY_SENT,
  /** The pre-session check (会前落实情况督查) started: the department reports on an open commitment. */
  COMMITMENT_BEFORE_SESSION
}
