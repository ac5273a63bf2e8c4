package org.civicflow.domain.commitment;

import org.civicflow.domain.integrity.KeyedMac;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.MacInput;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.publication.Seal;
import org.springframework.stereotype.Component;

/**
 * Seals a supplementary reply with the seal key shared by every node, as a reply's content is
 * sealed at sign-off: its text, SHA-256, commitment, original reply, signer and time.
 */
@Component
public class SupplementarySeals {

  static final String PURPOSE = "supplementary-reply/1";

  private final SealKeys keys;

  SupplementarySeals(SealKeys keys) {
    this.keys = keys;
  }

  void seal(SupplementaryReply s) {
    KeyedMac mac = keys.sign(input(s));
    s.sealed(mac.hex(), mac.keyId());
  }

  /** Whether the stored record is the one the leader signed: its text, hash and seal agree. */
  public boolean intact(SupplementaryReply s) {
    return s.getSeal() != null
        && Seal.sha256(s.getPublicText()).equals(s.getContentSha256())
        && keys.check(s.getSealKeyId(), s.getSeal(), input(s)) == MacCheck.VALID;
  }

  private static MacInput input(SupplementaryReply s) {
    return MacInput.of(PURPOSE)
        .add(s.getId())
        .add(s.getCommitmentId())
        .add(s.getReportId())
        .add(s.getPublicationId())
        .add(s.getProposalId())
        .add(s.getDepartmentCode())
        .add(s.getPublicText())
        .add(s.getContentSha256())
        .add(s.getSignedBy())
        .add(s.getSignedAt());
  }
}
