package org.civicflow.domain.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored verification of the audit chain ({@code cf_audit_verification}).
 *
 * @param requestedBy the administrator who asked for it; {@code null} for the daily one
 * @param scheduledOn the day of a daily verification; {@code null} for one asked for
 * @param ok {@code null} while it runs (or when the node running it stopped)
 */
public record AuditVerificationResult(
    long id,
    Instant startedAt,
    Instant finishedAt,
    String requestedBy,
    LocalDate scheduledOn,
    Boolean ok,
    Long checked,
    String brokenReason,
    Long brokenSeq,
    Long brokenId,
    Instant brokenOccurredAt,
    String brokenAction,
    String brokenKeyId) {

  /** The first finding, or {@code null}. */
  public ChainBreak firstBroken() {
    return brokenReason == null
        ? null
        : new ChainBreak(
            brokenSeq,
            brokenId,
            ChainBreak.Reason.ofCode(brokenReason),
            brokenOccurredAt,
            brokenAction,
            brokenKeyId);
  }
}
