package org.civicflow.domain.audit;

import org.civicflow.domain.integrity.MacInput;

/**
 * What a chain link covers: its place in the chain, every column of the record (the time as epoch
 * seconds) and its entry nonce, and the previous record's link. The nonce is covered so that it
 * cannot be changed once chained (changing it would free it for a copy of the record).
 */
final class AuditLink {

  static final String PURPOSE = "audit/1";

  private AuditLink() {}

  /**
   * @param previous the link of the record before, or the anchor's start link for the first record
   *     kept; {@code null} for the first record ever chained
   */
  static MacInput input(long chainSeq, AuditRow r, String previous) {
    return MacInput.of(PURPOSE)
        .add(chainSeq)
        .add(r.id())
        .add(r.occurredAt())
        .add(r.actor())
        .add(r.action())
        .add(r.objectType())
        .add(r.objectId())
        .add(r.result())
        .add(r.detail())
        .add(r.remoteAddress())
        .add(r.entryNonce())
        .add(previous);
  }
}
