package org.civicflow.domain.reply;

/** Where a commitment of a signed reply stands. */
public enum CommitmentState {
  /** Promised, not yet kept. */
  OPEN,
  /** Kept (兑现), confirmed by a supplementary reply. */
  KEPT,
  /** Its date passed without fulfilment. */
  OVERDUE,
  /** No longer pursued (its reply was voided or replaced). */
  DROPPED
}
