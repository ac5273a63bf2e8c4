package org.civicflow.domain.audit;

import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.SealKeys;
import org.springframework.stereotype.Component;

/**
 * Seals and checks the chain's anchor. The migration makes it unsealed (SQL has no key); the first
 * chainer run seals it. An unsealed anchor is trusted only as the migration left it and while no
 * record is chained: otherwise someone put it back.
 */
@Component
class AuditAnchor {

  static final String WHERE = "the audit log's chain (its links and anchor)";

  private final SealKeys keys;
  private final AuditChainMapper chain;

  AuditAnchor(SealKeys keys, AuditChainMapper chain) {
    this.keys = keys;
    this.chain = chain;
  }

  MacCheck check(AuditChainState s) {
    if (s.seal() == null) {
      return s.initial() && chain.maxChainSeq() == null ? MacCheck.VALID : MacCheck.BROKEN;
    }
    return keys.check(s.sealKeyId(), s.seal(), s.sealInput());
  }

  /** Seals and stores the anchor (in the caller's transaction, which holds its lock). */
  AuditChainState store(AuditChainState s) {
    AuditChainState sealed = s.sealedWith(keys.sign(s.sealInput()));
    if (chain.updateAnchor(sealed) != 1) {
      throw new IllegalStateException("the audit chain's anchor row (cf_audit_chain) is missing");
    }
    return sealed;
  }
}
