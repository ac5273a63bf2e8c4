package org.civicflow.domain.letter;

import java.time.Instant;

/**
 * A signed reply letter as it was issued.
 *
 * @param verificationCode the short code of its verification address ({@code /verify/{code}})
 * @param signedAt the sign-off time, which is also the signature's time
 * @param pdfSha256 the SHA-256 (hex) of {@code pdf}
 */
public record IssuedLetter(
    long publicationId,
    String departmentCode,
    String documentNumber,
    String verificationCode,
    Instant signedAt,
    String pdfSha256,
    byte[] pdf,
    Instant createdAt) {}
