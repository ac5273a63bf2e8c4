package org.civicflow.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.civicflow.domain.audit.ChainBreak.Reason;
import org.civicflow.domain.integrity.SealKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verification reads the chain a page at a time, the next page on a reader thread while it
 * checks the current one: outside a transaction, so the records here are committed (and removed
 * afterwards). Findings at page boundaries are found like any other.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AuditChainPagesDatabaseTest extends AuditChainTestBase {

  @Autowired SealKeys keys;

  private AuditChainVerifier pagesOf(int size) {
    return new AuditChainVerifier(chain, keys, unknownKeys, size);
  }

  @AfterEach
  void removeTheCommittedRecords() {
    startFromAnEmptyLog();
  }

  @Test
  void findsWhatChangedAcrossPages() {
    List<Long> ids = IntStream.range(0, 12).mapToObj(i -> record("r" + i)).toList();
    assertThat(chainer.chainAll()).isEqualTo(12);
    assertThat(pagesOf(5).verify()).isEqualTo(new ChainVerdict(true, 12, null));
    assertThat(pagesOf(4).verify()).isEqualTo(new ChainVerdict(true, 12, null));

    // the first record of the second page, and the last of it
    jdbc.update("DELETE FROM cf_audit_event WHERE id = ?", ids.get(5));
    jdbc.update("UPDATE cf_audit_event SET detail = 'x' WHERE id = ?", ids.get(9));
    ChainVerdict v = pagesOf(5).verify();
    assertThat(v.firstBroken())
        .extracting(ChainBreak::chainSeq, ChainBreak::reason, ChainBreak::id)
        .containsExactly(6L, Reason.DELETED, ids.get(6));
    assertThat(v.checked()).isEqualTo(10);

    jdbc.update("UPDATE cf_audit_event SET detail = 'detail of r9' WHERE id = ?", ids.get(9));
    jdbc.update("DELETE FROM cf_audit_event WHERE id = ?", ids.get(11));
    assertThat(pagesOf(5).verify().firstBroken())
        .extracting(ChainBreak::chainSeq, ChainBreak::reason)
        .containsExactly(6L, Reason.DELETED);
    assertThat(pagesOf(3).verify().firstBroken().chainSeq()).isEqualTo(6L);
  }

  @Test
  void aGapWiderThanAPageAndARecordFarAfterTheHeadAreFound() {
    List<Long> ids = IntStream.range(0, 12).mapToObj(i -> record("r" + i)).toList();
    chainer.chainAll();
    long forged = insertWithSql("forged");
    jdbc.update(
        "UPDATE cf_audit_event SET chain_seq = 40, link = ?, link_key_id = ? WHERE id = ?",
        "0".repeat(64),
        keys.currentId(),
        forged);
    assertThat(pagesOf(3).verify().firstBroken())
        .isEqualTo(new ChainBreak(40L, forged, Reason.INSERTED, NOW, "forged", null));

    jdbc.update("DELETE FROM cf_audit_event WHERE chain_seq BETWEEN 4 AND 10");
    assertThat(pagesOf(3).verify().firstBroken())
        .isEqualTo(new ChainBreak(4L, ids.get(10), Reason.DELETED, NOW, "r10", null));
  }

  @Test
  void recordsNotYetChainedAreReadInPagesToo() {
    IntStream.range(0, 7).forEach(i -> record("r" + i));
    long inserted = insertWithSql("forged");
    assertThat(pagesOf(3).verify())
        .isEqualTo(
            new ChainVerdict(
                false, 8, new ChainBreak(null, inserted, Reason.INSERTED, NOW, "forged", null)));
  }
}
