package org.civicflow.domain.commitment;

import java.time.Instant;

/** The registrar's decision on a reply's result category once its commitments were kept. */
public record ResultCategoryDecision(
    Long id,
    long publicationId,
    long proposalId,
    String departmentCode,
    String fromCategory,
    String toCategory,
    String comment,
    String decidedBy,
    Instant decidedAt) {}
