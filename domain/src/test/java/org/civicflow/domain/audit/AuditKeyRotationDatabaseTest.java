package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.civicflow.domain.audit.ChainBreak.Reason;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * After a key rotation the links of the earlier key verify with it as a verify-only key; a node
 * that does not hold a key the chain uses says so (unknown key, not tampering), chains nothing, and
 * reports itself not ready.
 */
class AuditKeyRotationDatabaseTest extends AuditChainTestBase {

  @Autowired SealKeys keys;
  @Autowired AuditChainSeals seals;
  @Autowired PlatformTransactionManager transactions;

  private static byte[] key(int b) {
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) b);
    return k;
  }

  /** The context's key (the tests' configuration), A. */
  private static final byte[] KEY_A =
      Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

  /** A becomes verify-only; B makes new links. */
  private SealKeys rotated() {
    return new SealKeys(key(7), List.of(KEY_A));
  }

  private UnknownSealKeys fresh(SealKeys with) {
    return new UnknownSealKeys(with, List.of(seals), Clock.systemUTC(), event -> {});
  }

  private AuditChainer chainerWith(SealKeys with, UnknownSealKeys unknown) {
    return new AuditChainer(
        chain, new AuditAnchor(with, chain), new AuditEntrySeal(with), with, unknown, transactions);
  }

  @Test
  void linksOfTheEarlierKeyVerifyAfterARotation() {
    record("a");
    record("b");
    record("c");
    assertThat(chainer.chainAll()).isEqualTo(3);
    SealKeys rotated = rotated();
    assertThat(rotated.heldIds()).contains(keys.currentId());
    UnknownSealKeys unknown = fresh(rotated);
    assertThat(new AuditChainVerifier(chain, rotated, unknown).verify())
        .isEqualTo(new ChainVerdict(true, 3, null));

    record("d");
    record("e");
    assertThat(chainerWith(rotated, unknown).chainAll()).isEqualTo(2);
    assertThat(
            jdbc.queryForList(
                "SELECT link_key_id FROM cf_audit_event ORDER BY chain_seq", String.class))
        .containsExactly(
            keys.currentId(),
            keys.currentId(),
            keys.currentId(),
            rotated.currentId(),
            rotated.currentId());
    assertThat(new AuditChainVerifier(chain, rotated, unknown).verify())
        .isEqualTo(new ChainVerdict(true, 5, null));
    assertThat(unknown.any()).isFalse();
    assertThat(seals.keyIdsInUse())
        .containsExactlyInAnyOrder(keys.currentId(), rotated.currentId());
    assertThat(seals.sealsByKey())
        .containsEntry(keys.currentId(), 3L)
        .containsEntry(rotated.currentId(), 2L);
  }

  @Test
  void aNodeWithoutTheNewKeyCannotTellAndSaysSo() {
    record("a");
    chainer.chainAll();
    SealKeys rotated = rotated();
    record("b");
    chainerWith(rotated, fresh(rotated)).chainAll();

    // this node holds only A: B's links and the anchor B sealed are unknown to it
    UnknownSealKeys unknown = fresh(keys);
    ChainVerdict v = new AuditChainVerifier(chain, keys, unknown).verify();
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBroken().reason()).isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(v.firstBroken().keyId()).isEqualTo(rotated.currentId());
    assertThat(unknown.current())
        .extracting(UnknownSealKeys.Unknown::keyId)
        .containsExactly(rotated.currentId());

    // and it chains nothing
    long waiting = record("c");
    assertThat(chainerWith(keys, unknown).chainAll()).isZero();
    assertThat(seqOf(waiting)).isNull();
  }

  @Test
  void tamperingIsReportedBeforeAnUnknownKey() {
    long a = record("a");
    chainer.chainAll();
    SealKeys rotated = rotated();
    record("b");
    chainerWith(rotated, fresh(rotated)).chainAll();
    jdbc.update("UPDATE cf_audit_event SET detail = 'x' WHERE id = ?", a);

    ChainVerdict v = new AuditChainVerifier(chain, keys, fresh(keys)).verify();
    assertThat(v.firstBroken())
        .extracting(ChainBreak::reason, ChainBreak::id)
        .containsExactly(Reason.EDITED, a);
  }
}
