package org.civicflow.domain.commitment;

import java.time.Instant;

/** A report of the department on one commitment. */
public record CommitmentReport(
    Long id,
    long commitmentId,
    ReportKind kind,
    String text,
    ReportState state,
    String reportedBy,
    Instant reportedAt) {

  /** Whether the public and the proposer read it: approved by the reviewer (or signed). */
  public boolean approved() {
    return state == ReportState.APPROVED || state == ReportState.SIGNED;
  }
}
