package org.civicflow.domain.session;

/** Which body holds the session. */
public enum SessionKind {
  /** 人民代表大会: deputies submit suggestions (建议). */
  NPC,
  /** 政协: members submit proposals (提案). */
  CPPCC
}
