package org.civicflow.domain.reply;

import java.time.Instant;

/**
 * A co-handling department's written opinion to the lead department (会办意见).
 *
 * @param missing true when the month passed without an opinion
 */
public record CoHandlingOpinion(
    Long id,
    long proposalId,
    String departmentCode,
    String opinion,
    boolean missing,
    String author,
    Instant submittedAt) {}
