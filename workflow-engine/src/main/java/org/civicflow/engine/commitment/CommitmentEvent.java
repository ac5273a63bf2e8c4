package org.civicflow.engine.commitment;

import java.time.LocalDate;

/** Something about a commitment that people are told of. */
public record CommitmentEvent(
    Kind kind, long proposalId, String department, long commitmentId, LocalDate dueDate) {

  /** What happened. */
  public enum Kind {
    APPROACHING,
    PASSED,
    SUPPLEMENTARY_SENT,
    BEFORE_SESSION
  }
}
