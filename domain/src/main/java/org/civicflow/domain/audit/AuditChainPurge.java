package org.civicflow.domain.audit;

import java.time.Instant;
import java.util.List;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the oldest part of the audit chain and keeps the rest verifiable: the anchor moves to the
 * first record kept, with the link of the last one deleted, which the first record kept is chained
 * to, and is sealed again. Deleting the first record kept afterwards leaves a gap at the anchor,
 * which the verification finds like any other.
 *
 * <p>Only a prefix of the chain is deleted, and only records that verify: it stops at the first
 * record of the cutoff or after it, at a gap, at a link that does not hold (or of a key this node
 * does not hold) — a record dated back with SQL so that the purge deletes it is left for the
 * verification to report. A record committed late (a later place, an earlier time) is deleted with
 * the next purge that reaches it. Each purge is recorded in the audit log ({@value #ACTION}).
 *
 * <p>Batches of {@value #BATCH}, each a transaction that holds the anchor's lock: one chainer or
 * purge at a time in the cluster.
 */
@Service
public class AuditChainPurge {

  static final String ACTION = "audit.purge";
  static final int BATCH = 5000;

  private final AuditChainMapper chain;
  private final AuditRetentionMapper deletes;
  private final AuditAnchor anchor;
  private final SealKeys keys;
  private final AuditChainer chainer;
  private final UnknownSealKeys unknownKeys;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  AuditChainPurge(
      AuditChainMapper chain,
      AuditRetentionMapper deletes,
      AuditAnchor anchor,
      SealKeys keys,
      AuditChainer chainer,
      UnknownSealKeys unknownKeys,
      AuditLog audit,
      PlatformTransactionManager transactionManager) {
    this.chain = chain;
    this.deletes = deletes;
    this.anchor = anchor;
    this.keys = keys;
    this.chainer = chainer;
    this.unknownKeys = unknownKeys;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  private record Batch(int deleted, boolean more) {}

  /**
   * Chains what is committed, then deletes the chain's records from its start on that occurred
   * before {@code cutoff}, and records the purge ({@code why} in its detail). Returns how many were
   * deleted; none on a node that lacks a seal key in use.
   */
  public int deleteBefore(Instant cutoff, String why) {
    chainer.chainAll();
    if (unknownKeys.any()) {
      return 0;
    }
    int total = 0;
    Batch batch;
    do {
      batch = transactions.execute(status -> deleteBatch(cutoff));
      total += batch.deleted();
    } while (batch.more());
    if (total > 0) {
      int deleted = total;
      AuditChainState now = chain.readAnchor();
      transactions.executeWithoutResult(
          status ->
              audit.record(
                  "system",
                  ACTION,
                  "audit",
                  null,
                  why
                      + ": deleted "
                      + deleted
                      + " records before "
                      + cutoff
                      + "; the chain starts at "
                      + now.startSeq()));
    }
    return total;
  }

  private Batch deleteBatch(Instant cutoff) {
    AuditChainState state = chain.lockAnchor();
    MacCheck anchorCheck = anchor.check(state);
    if (anchorCheck != MacCheck.VALID) {
      if (anchorCheck == MacCheck.UNKNOWN_KEY) {
        unknownKeys.met(state.sealKeyId(), AuditAnchor.WHERE);
      }
      return new Batch(0, false);
    }
    List<AuditRow> rows = chain.chainFrom(state.startSeq(), BATCH);
    long expected = state.startSeq();
    String previous = state.startLink();
    AuditRow last = null;
    for (AuditRow r : rows) {
      boolean deletable =
          r.chainSeq() == expected
              && r.chainSeq() <= state.headSeq()
              && r.occurredAt().isBefore(cutoff)
              && keys.check(r.linkKeyId(), r.link(), AuditLink.input(expected, r, previous))
                  == MacCheck.VALID;
      if (!deletable) {
        break;
      }
      last = r;
      previous = r.link();
      expected++;
    }
    if (last == null) {
      return new Batch(0, false);
    }
    int deleted = deletes.deleteChained(state.startSeq(), last.chainSeq());
    anchor.store(state.withStart(last.chainSeq() + 1, last.link()));
    return new Batch(deleted, rows.size() == BATCH && last == rows.get(rows.size() - 1));
  }
}
