package org.civicflow.domain.commitment;

import java.time.Instant;
import java.time.LocalDate;
import org.civicflow.domain.reply.CommitmentState;

/**
 * An open (or overdue) commitment of a sent reply, as the pre-session check lists it, with the
 * department's report before the session if it gave one since the check started.
 */
public record OpenCommitment(
    long commitmentId,
    long proposalId,
    String number,
    String title,
    String departmentCode,
    String departmentName,
    String text,
    LocalDate dueDate,
    CommitmentState state,
    String reportText,
    String reportedBy,
    Instant reportedAt) {

  public boolean reported() {
    return reportedAt != null;
  }
}
