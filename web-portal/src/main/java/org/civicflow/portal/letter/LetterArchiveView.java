package org.civicflow.portal.letter;

import java.time.Instant;
import org.civicflow.domain.letter.LetterArchive;
import org.civicflow.domain.letter.LetterArchiveStatus;

/**
 * A download of a session's letters as the API shows it.
 *
 * @param done the letters handled (stored, or failed) of {@code total}
 * @param file where the ZIP is downloaded once the job is done, else null
 */
record LetterArchiveView(
    long id,
    long sessionId,
    String department,
    LetterArchiveStatus status,
    int total,
    int done,
    int failed,
    int percent,
    String createdBy,
    Instant createdAt,
    Instant finishedAt,
    Instant expiresAt,
    String file) {

  static String path(long sessionId, long jobId) {
    return "/api/v1/sessions/" + sessionId + "/letters/archive/" + jobId;
  }

  static LetterArchiveView of(LetterArchive j) {
    return new LetterArchiveView(
        j.id(),
        j.sessionId(),
        j.departmentCode(),
        j.status(),
        j.total(),
        j.done(),
        j.failed(),
        j.percent(),
        j.createdBy(),
        j.createdAt(),
        j.finishedAt(),
        j.expiresAt(),
        j.status() == LetterArchiveStatus.DONE ? path(j.sessionId(), j.id()) + "/file" : null);
  }
}
