package org.civicflow.domain.publication;

import java.time.Instant;

/** A published reply withheld because its stored record no longer matches its seal. */
public record IntegrityFailure(
    long id,
    long publicationId,
    Instant detectedAt,
    String detail,
    Instant resolvedAt,
    String resolvedBy) {}
