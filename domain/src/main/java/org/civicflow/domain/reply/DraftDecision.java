package org.civicflow.domain.reply;

import java.time.Instant;

/** A review or sign-off decision on one draft version, with its comment. */
public record DraftDecision(
    Long id,
    long draftId,
    ReviewStage stage,
    Verdict verdict,
    String comment,
    String decidedBy,
    Instant decidedAt) {}
