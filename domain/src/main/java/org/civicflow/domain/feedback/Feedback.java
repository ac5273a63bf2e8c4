package org.civicflow.domain.feedback;

import java.time.Instant;

/**
 * The proposer's rating of one department's reply in one round. Ratings are {@code null} when the
 * month passed without an answer (no answer counts as none).
 *
 * @param round 1 for the first reply, 2 for the reply after re-handling (final)
 */
public record Feedback(
    Long id,
    long proposalId,
    String departmentCode,
    int round,
    Rating workRating,
    Rating resultRating,
    String comment,
    String givenBy,
    Instant givenAt) {

  /** Whether the proposer answered. */
  public boolean answered() {
    return resultRating != null;
  }
}
