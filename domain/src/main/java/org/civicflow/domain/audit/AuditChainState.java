package org.civicflow.domain.audit;

import org.civicflow.domain.integrity.KeyedMac;
import org.civicflow.domain.integrity.MacInput;

/**
 * The chain's anchor ({@code cf_audit_chain}, one row), sealed with the seal key: where the chain
 * starts since the last purge, its head, and the last record written before entries were sealed.
 *
 * @param startSeq the first record kept; the purge moves it on
 * @param startLink the link of the record before {@code startSeq} (the last one purged), which the
 *     first record kept is chained to; {@code null} at the very start
 * @param headSeq the last record chained (0: none yet)
 * @param headLink its link, which the next record is chained to
 * @param legacyMaxId records up to this id were written before entries were sealed: they are
 *     chained without an entry seal
 */
public record AuditChainState(
    long startSeq,
    String startLink,
    long headSeq,
    String headLink,
    long legacyMaxId,
    String seal,
    String sealKeyId) {

  static final String PURPOSE = "audit-chain/1";

  /** As the migration made it: nothing chained, nothing purged. */
  boolean initial() {
    return startSeq == 1 && startLink == null && headSeq == 0 && headLink == null;
  }

  MacInput sealInput() {
    return MacInput.of(PURPOSE)
        .add(startSeq)
        .add(startLink)
        .add(headSeq)
        .add(headLink)
        .add(legacyMaxId);
  }

  AuditChainState withHead(long seq, String link) {
    return new AuditChainState(startSeq, startLink, seq, link, legacyMaxId, null, null);
  }

  AuditChainState withStart(long seq, String link) {
    return new AuditChainState(seq, link, headSeq, headLink, legacyMaxId, null, null);
  }

  AuditChainState sealedWith(KeyedMac mac) {
    return new AuditChainState(
        startSeq, startLink, headSeq, headLink, legacyMaxId, mac.hex(), mac.keyId());
  }
}
