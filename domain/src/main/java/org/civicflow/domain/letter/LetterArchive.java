package org.civicflow.domain.letter;

import java.time.Instant;

/**
 * A download of a session's signed reply letters as one ZIP.
 *
 * @param departmentCode the one department whose letters it covers, or null for every department
 * @param total the signed replies it covers, fixed at the start
 * @param done the replies handled so far: their letter stored, or failed
 * @param failed the replies whose letter could not be made (counted in {@code done})
 * @param expiresAt when the job and its download are removed
 */
public record LetterArchive(
    long id,
    long sessionId,
    String departmentCode,
    LetterArchiveStatus status,
    int total,
    int done,
    int failed,
    String createdBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Instant expiresAt,
    String owner,
    Instant heartbeatAt) {

  /** Handled share, 0–100 (rounded down; 100 for a job with nothing to do). */
  public int percent() {
    return total == 0 ? 100 : (int) (100L * done / total);
  }
}
