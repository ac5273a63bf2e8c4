package org.civicflow.domain.audit;

import java.security.SecureRandom;
import org.civicflow.domain.integrity.KeyedMac;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.MacInput;
import org.civicflow.domain.integrity.SealKeys;
import org.springframework.stereotype.Component;

/**
 * Seals an audit record as the application writes it, before it has an id: a MAC of a random nonce
 * and every column but the id. This is how the chainer tells a record the application wrote from
 * one inserted with SQL behind its back (both are committed rows without a place in the chain):
 * only a holder of the seal key can make a valid entry seal.
 */
@Component
public class AuditEntrySeal {

  static final String PURPOSE = "audit-entry/1";
  private static final SecureRandom NONCES = new SecureRandom();

  private final SealKeys keys;

  AuditEntrySeal(SealKeys keys) {
    this.keys = keys;
  }

  /** The event with its entry seal, ready to be inserted. */
  public AuditEntry seal(AuditEvent e) {
    long nonce = NONCES.nextLong();
    KeyedMac mac =
        keys.sign(
            input(
                nonce,
                e.occurredAt(),
                e.actor(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.result(),
                e.detail(),
                e.remoteAddress()));
    return new AuditEntry(e, nonce, mac.hex(), mac.keyId());
  }

  /**
   * Checks a stored record's entry seal: {@link MacCheck#BROKEN} also when it has none (the caller
   * decides about records written before entries were sealed).
   */
  MacCheck check(AuditRow r) {
    if (r.entrySeal() == null || r.entryNonce() == null) {
      return MacCheck.BROKEN;
    }
    return keys.check(
        r.entryKeyId(),
        r.entrySeal(),
        input(
            r.entryNonce(),
            r.occurredAt(),
            r.actor(),
            r.action(),
            r.objectType(),
            r.objectId(),
            r.result(),
            r.detail(),
            r.remoteAddress()));
  }

  private static MacInput input(
      long nonce,
      java.time.Instant occurredAt,
      String actor,
      String action,
      String objectType,
      String objectId,
      String result,
      String detail,
      String remoteAddress) {
    return MacInput.of(PURPOSE)
        .add(nonce)
        .add(occurredAt)
        .add(actor)
        .add(action)
        .add(objectType)
        .add(objectId)
        .add(result)
        .add(detail)
        .add(remoteAddress);
  }
}
