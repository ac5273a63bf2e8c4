package org.civicflow.domain.letter;

import java.time.Instant;

/**
 * A signed reply of a download: which letter it is and where its letter stands.
 *
 * @param state PENDING, DONE or FAILED
 * @param failure the message key of why its letter could not be made, or null
 * @param documentNumber its letter's number once the letter is stored, else null
 * @param letterSha256 the SHA-256 (hex) of the stored letter, else null
 */
public record LetterArchiveEntry(
    long publicationId,
    long proposalId,
    String proposalNumber,
    String departmentCode,
    String departmentName,
    String state,
    String failure,
    String documentNumber,
    Instant signedAt,
    String letterSha256) {

  public boolean stored() {
    return "DONE".equals(state) && documentNumber != null;
  }
}
