package org.civicflow.domain.audit;

/**
 * A record as the application writes it: the event and its entry seal, a MAC under the current seal
 * key of the event's columns and a random nonce ({@link AuditEntrySeal}). The chainer chains only
 * records that carry a valid entry seal, so a record inserted with SQL is never taken into the
 * chain; the nonce is unique (an index), so a copy of a sealed record cannot be inserted either.
 *
 * @param nonce random, unique among the records
 * @param seal lower-case hex of the MAC
 * @param sealKeyId the id of the key that made it
 */
public record AuditEntry(AuditEvent event, long nonce, String seal, String sealKeyId) {}
