package org.civicflow.domain.reply;

/** Who decides on a draft. */
public enum ReviewStage {
  /** The department reviewer (审核). */
  REVIEW,
  /** The signing leader (签发). */
  SIGN_OFF
}
