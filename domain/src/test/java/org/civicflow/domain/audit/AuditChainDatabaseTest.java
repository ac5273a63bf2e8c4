package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.civicflow.domain.audit.ChainBreak.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * The chainer chains what the application wrote, in id order and in the order records are
 * committed; the verification finds a record edited, deleted (in the middle and at the end) or
 * inserted with SQL, an inserted record with a made-up place, and a changed anchor.
 */
class AuditChainDatabaseTest extends AuditChainTestBase {

  private List<Long> fiveChained() {
    List<Long> ids = List.of(record("a"), record("b"), record("c"), record("d"), record("e"));
    assertThat(chainer.chainAll()).isEqualTo(5);
    return ids;
  }

  @Test
  void chainsCommittedRecordsInIdOrderAndTheChainVerifies() {
    List<Long> ids = fiveChained();
    assertThat(ids).extracting(this::seqOf).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(chainer.chainAll()).isZero();
    assertThat(verifier.verify()).isEqualTo(new ChainVerdict(true, 5, null));
    AuditChainState anchor = chain.readAnchor();
    assertThat(anchor.headSeq()).isEqualTo(5);
    assertThat(anchor.seal()).isNotNull();

    long later = record("f");
    assertThat(chainer.chainAll()).isEqualTo(1);
    assertThat(seqOf(later)).isEqualTo(6);
    assertThat(verifier.verify().ok()).isTrue();
  }

  @Test
  void aRecordCommittedLateWithALowerIdGetsALaterPlace() {
    long first = record("first");
    AuditEntry late = entries.seal(eventOf("late"));
    long placeHolder = record("placeholder"); // the id the late transaction was given
    jdbc.update("DELETE FROM cf_audit_event WHERE id = ?", placeHolder); // not yet committed
    long third = record("third");
    assertThat(chainer.chainAll()).isEqualTo(2);
    assertThat(seqOf(first)).isEqualTo(1);
    assertThat(seqOf(third)).isEqualTo(2);

    insertWithId(placeHolder, late); // now it commits
    assertThat(chainer.chainAll()).isEqualTo(1);
    assertThat(seqOf(placeHolder)).isEqualTo(3);
    assertThat(verifier.verify()).isEqualTo(new ChainVerdict(true, 3, null));
  }

  @Test
  void anEditedRecordFailsItsOwnLinkOnly() {
    List<Long> ids = fiveChained();
    jdbc.update("UPDATE cf_audit_event SET detail = 'nothing happened' WHERE id = ?", ids.get(2));

    ChainVerdict v = verifier.verify();
    assertThat(v.ok()).isFalse();
    assertThat(v.checked()).isEqualTo(5);
    assertThat(v.firstBroken())
        .isEqualTo(new ChainBreak(3L, ids.get(2), Reason.EDITED, NOW, "c", null));

    jdbc.update("UPDATE cf_audit_event SET detail = 'detail of c' WHERE id = ?", ids.get(2));
    assertThat(verifier.verify().ok()).isTrue();
  }

  @Test
  void everyColumnIsCovered() {
    List<Long> ids = fiveChained();
    Map<String, String> changes =
        Map.of(
            "actor", "'admin'",
            "action", "'other'",
            "object_type", "'user'",
            "object_id", "'y'",
            "result", "'DENIED'",
            "remote_address", "'10.9.9.9'",
            "occurred_at", "'2020-01-01 00:00:00'",
            "entry_nonce", "entry_nonce + 1");
    changes.forEach(
        (column, value) -> {
          Map<String, Object> before =
              jdbc.queryForMap("SELECT * FROM cf_audit_event WHERE id = ?", ids.get(1));
          jdbc.update(
              "UPDATE cf_audit_event SET " + column + " = " + value + " WHERE id = ?", ids.get(1));
          assertThat(verifier.verify().firstBroken())
              .as(column)
              .extracting(ChainBreak::reason, ChainBreak::id)
              .containsExactly(Reason.EDITED, ids.get(1));
          jdbc.update(
              "UPDATE cf_audit_event SET " + column + " = ? WHERE id = ?",
              before.get(column),
              ids.get(1));
          assertThat(verifier.verify().ok()).as(column + " put back").isTrue();
        });
  }

  @Test
  void aDeletedRecordLeavesAGap() {
    List<Long> ids = fiveChained();
    jdbc.update("DELETE FROM cf_audit_event WHERE id = ?", ids.get(2));

    ChainVerdict v = verifier.verify();
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBroken())
        .isEqualTo(new ChainBreak(3L, ids.get(3), Reason.DELETED, NOW, "d", null));
  }

  @Test
  void recordsDeletedAtTheEndAreFoundAgainstTheHead() {
    List<Long> ids = fiveChained();
    jdbc.update("DELETE FROM cf_audit_event WHERE id IN (?, ?)", ids.get(3), ids.get(4));

    assertThat(verifier.verify())
        .isEqualTo(
            new ChainVerdict(false, 3, new ChainBreak(4L, null, Reason.DELETED, null, null, null)));
  }

  @Test
  void aRecordInsertedWithSqlIsLeftOutAndFound() {
    fiveChained();
    long inserted = insertWithSql("forged");
    long after = record("after");
    assertThat(chainer.chainAll()).isEqualTo(1);
    assertThat(seqOf(inserted)).isNull();
    assertThat(seqOf(after)).isEqualTo(6);

    ChainVerdict v = verifier.verify();
    assertThat(v.ok()).isFalse();
    assertThat(v.checked()).isEqualTo(7);
    assertThat(v.firstBroken())
        .isEqualTo(new ChainBreak(null, inserted, Reason.INSERTED, NOW, "forged", null));
  }

  @Test
  void aCopyOfASealedRecordCannotBeInserted() {
    long original = record("original");
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "INSERT INTO cf_audit_event (occurred_at, actor, action, object_type,"
                        + " object_id, result, detail, remote_address, entry_nonce, entry_seal,"
                        + " entry_key_id) SELECT occurred_at, actor, action, object_type,"
                        + " object_id, result, detail, remote_address, entry_nonce, entry_seal,"
                        + " entry_key_id FROM cf_audit_event WHERE id = ?",
                    original))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void aRecordChangedBeforeItWasChainedIsLeftOutAndFound() {
    long changed = record("changed");
    jdbc.update("UPDATE cf_audit_event SET actor = 'admin' WHERE id = ?", changed);
    assertThat(chainer.chainAll()).isZero();

    assertThat(verifier.verify().firstBroken())
        .isEqualTo(new ChainBreak(null, changed, Reason.EDITED, NOW, "changed", null));
  }

  @Test
  void aRecordWithAMadeUpPlaceAfterTheHeadIsFoundAndStopsTheChainer() {
    fiveChained();
    long forged = insertWithSql("forged");
    jdbc.update(
        "UPDATE cf_audit_event SET chain_seq = 6, link = ?, link_key_id = ? WHERE id = ?",
        "0".repeat(64),
        chain.readAnchor().sealKeyId(),
        forged);
    long waiting = record("waiting");
    assertThat(chainer.chainAll()).isZero();
    assertThat(seqOf(waiting)).isNull();

    assertThat(verifier.verify().firstBroken())
        .isEqualTo(new ChainBreak(6L, forged, Reason.INSERTED, NOW, "forged", null));

    jdbc.update("DELETE FROM cf_audit_event WHERE id = ?", forged);
    assertThat(chainer.chainAll()).isEqualTo(1);
    assertThat(verifier.verify().ok()).isTrue();
  }

  @Test
  void aChangedAnchorIsFoundAndNothingIsChainedOnIt() {
    fiveChained();
    jdbc.update("UPDATE cf_audit_chain SET head_seq = 3");
    record("next");
    assertThat(chainer.chainAll()).isZero();

    assertThat(verifier.verify().firstBroken())
        .isEqualTo(new ChainBreak(1L, null, Reason.EDITED, null, null, null));
  }

  @Test
  void recordsWrittenBeforeEntriesWereSealedAreChainedAsTheyAre() {
    long legacy = insertWithSql("legacy");
    jdbc.update("UPDATE cf_audit_chain SET legacy_max_id = ?", legacy);
    assertThat(verifier.verify().ok()).as("not yet chained: not inserted").isTrue();
    long sealed = record("sealed");
    assertThat(chainer.chainAll()).isEqualTo(2);
    assertThat(List.of(seqOf(legacy), seqOf(sealed))).containsExactly(1L, 2L);
    assertThat(verifier.verify()).isEqualTo(new ChainVerdict(true, 2, null));
  }

  @Test
  void aChainedRecordBeforeTheStartWasInserted() {
    fiveChained();
    long forged = insertWithSql("forged");
    jdbc.update("UPDATE cf_audit_event SET chain_seq = 0 WHERE id = ?", forged);

    assertThat(verifier.verify().firstBroken())
        .isEqualTo(new ChainBreak(0L, forged, Reason.INSERTED, NOW, "forged", null));
  }

  private AuditEvent eventOf(String action) {
    return new AuditEvent(
        null, NOW, "clerk", action, "test", action, AuditLog.OK, "detail of " + action, null);
  }

  private void insertWithId(long id, AuditEntry e) {
    jdbc.update(
        "INSERT INTO cf_audit_event (id, occurred_at, actor, action, object_type, object_id,"
            + " result, detail, remote_address, entry_nonce, entry_seal, entry_key_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        java.sql.Timestamp.from(e.event().occurredAt()),
        e.event().actor(),
        e.event().action(),
        e.event().objectType(),
        e.event().objectId(),
        e.event().result(),
        e.event().detail(),
        e.event().remoteAddress(),
        e.nonce(),
        e.seal(),
        e.sealKeyId());
  }
}
