package org.civicflow.domain.proposal;

/** What was submitted. */
public enum ProposalType {
  /** 人大代表建议. */
  SUGGESTION,
  /** 政协提案. */
  PROPOSAL
}
