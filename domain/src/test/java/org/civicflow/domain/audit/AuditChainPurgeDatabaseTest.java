package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.civicflow.domain.audit.ChainBreak.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention purge deletes the chain's oldest records and leaves it verifiable from its new
 * start; a record deleted at that start is still found; the purge deletes only records that verify
 * and is itself recorded.
 */
class AuditChainPurgeDatabaseTest extends AuditChainTestBase {

  @Autowired AuditRetention retention;
  @Autowired AuditLog audit;

  private List<Long> oldThenNew() {
    return List.of(
        record("old", Duration.ofDays(500)),
        record("just-over", Duration.ofDays(365).plusMinutes(1)),
        record("just-under", Duration.ofDays(365).minusMinutes(1)),
        record("new-1"),
        record("new-2"));
  }

  @Test
  void purgesTheChainsOldRecordsAndTheChainVerifiesFromItsNewStart() {
    List<Long> ids = oldThenNew();
    chainer.chainAll();
    String lastPurgedLink =
        jdbc.queryForObject("SELECT link FROM cf_audit_event WHERE chain_seq = 2", String.class);

    assertThat(retention.purge()).isEqualTo(2);
    assertThat(jdbc.queryForList("SELECT action FROM cf_audit_event ORDER BY id", String.class))
        .startsWith("just-under", "new-1", "new-2");
    AuditChainState anchor = chain.readAnchor();
    assertThat(anchor.startSeq()).isEqualTo(3);
    assertThat(anchor.startLink()).isEqualTo(lastPurgedLink);
    assertThat(audit.recent(1))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(AuditChainPurge.ACTION);
              assertThat(e.detail())
                  .contains("deleted 2 records")
                  .contains("the chain starts at 3");
            });
    assertThat(verifier.verify()).isEqualTo(new ChainVerdict(true, 4, null));
    assertThat(retention.purge()).isZero();

    // the first record kept is covered too: deleting it is found at the new start
    jdbc.update("DELETE FROM cf_audit_event WHERE id = ?", ids.get(2));
    assertThat(verifier.verify().firstBroken())
        .extracting(ChainBreak::chainSeq, ChainBreak::reason, ChainBreak::id)
        .containsExactly(3L, Reason.DELETED, ids.get(3));
  }

  @Test
  void aRecordDatedBackWithSqlIsNotPurgedButFound() {
    List<Long> ids = oldThenNew();
    chainer.chainAll();
    jdbc.update(
        "UPDATE cf_audit_event SET occurred_at = '2020-01-01 00:00:00' WHERE id = ?", ids.get(2));

    assertThat(retention.purge()).isEqualTo(2);
    assertThat(seqOf(ids.get(2))).isEqualTo(3);
    assertThat(verifier.verify().firstBroken())
        .extracting(ChainBreak::reason, ChainBreak::id)
        .containsExactly(Reason.EDITED, ids.get(2));
  }

  @Test
  void thePurgeStopsAtAGapAndLeavesItForTheVerification() {
    List<Long> ids = oldThenNew();
    chainer.chainAll();
    jdbc.update("DELETE FROM cf_audit_event WHERE id = ?", ids.get(1));

    assertThat(retention.purge()).isEqualTo(1);
    assertThat(verifier.verify().firstBroken())
        .extracting(ChainBreak::chainSeq, ChainBreak::reason)
        .containsExactly(2L, Reason.DELETED);
  }

  @Test
  void anOldRecordCommittedLateIsPurgedOnceTheRecordsBeforeItAre() {
    long old = record("old", Duration.ofDays(500));
    long recent = record("recent", Duration.ofDays(10));
    long lateOld = record("late-old", Duration.ofDays(400));
    chainer.chainAll();

    assertThat(retention.purge()).isEqualTo(1);
    assertThat(seqOf(lateOld)).as("kept behind a recent record").isEqualTo(3);
    assertThat(seqOf(recent)).isEqualTo(2);
    assertThat(old).isLessThan(recent);
    assertThat(verifier.verify().ok()).isTrue();
  }

  @Test
  void aPurgeOfAnEmptyChainChangesNothing() {
    assertThat(retention.purge()).isZero();
    assertThat(chain.readAnchor().startSeq()).isEqualTo(1);
    assertThat(verifier.verify()).isEqualTo(new ChainVerdict(true, 0, null));
  }
}
