package org.civicflow.domain.proposal;

/** The orders in which proposal lists may be sorted. */
public enum ProposalSort {
  SUBMITTED_DESC,
  SUBMITTED_ASC,
  NUMBER,
  UPDATED_DESC
}
