package org.civicflow.domain.audit;

import java.time.Instant;

/**
 * A stored audit record with its seals, as the chainer and the verification read it.
 *
 * @param entryNonce {@code null} for a record written before entries were sealed
 * @param chainSeq its place in the chain; {@code null} while it is not chained
 * @param link the MAC that chains it to the record before ({@link AuditLink})
 */
public record AuditRow(
    long id,
    Instant occurredAt,
    String actor,
    String action,
    String objectType,
    String objectId,
    String result,
    String detail,
    String remoteAddress,
    Long entryNonce,
    String entrySeal,
    String entryKeyId,
    Long chainSeq,
    String link,
    String linkKeyId) {}
