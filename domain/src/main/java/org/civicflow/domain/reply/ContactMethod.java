package org.civicflow.domain.reply;

/** How the handler contacted the proposer before replying. */
public enum ContactMethod {
  MEETING,
  VISIT,
  PHONE,
  NONE
}
