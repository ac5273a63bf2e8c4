package org.civicflow.domain.reply;

import java.time.Instant;

/**
 * A review or sign-off decision on one draft version, with its comment.
 *
 * @param step the model's task that decided: {@code reviewDraft}, {@code signOff}, or a further
 *     approval an admin added to the process (several approvals of one stage are then recorded)
 */
public record DraftDecision(
    Long id,
    long draftId,
    ReviewStage stage,
    String step,
    Verdict verdict,
    String comment,
    String decidedBy,
    Instant decidedAt) {}
