package org.civicflow.domain.reply;

/** A reviewer's or leader's decision on a draft. */
public enum Verdict {
  APPROVE,
  RETURN
}
