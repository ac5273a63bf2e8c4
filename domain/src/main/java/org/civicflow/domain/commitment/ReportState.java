package org.civicflow.domain.commitment;

/**
 * Where a report stands: submitted, approved by the reviewer, returned, or signed by the leader.
 */
public enum ReportState {
  SUBMITTED,
  APPROVED,
  RETURNED,
  SIGNED
}
