package org.civicflow.domain.audit;

import java.util.ArrayList;
import java.util.List;
import org.civicflow.domain.integrity.KeyedMac;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the audit records: gives each committed record that has no place yet the next number of
 * the chain ({@code chain_seq}) and its link — a MAC under the current seal key of the number, the
 * record and the previous record's link ({@link AuditLink}).
 *
 * <p>Why not when the record is written: records are inserted by many transactions on several
 * nodes, and auto-increment ids are not committed in id order, so no inserting transaction knows
 * which record comes before its own in the chain. Instead every node runs the chainer every few
 * seconds ({@code civicflow.audit.chain-interval}); a run locks the chain's anchor row ({@code
 * cf_audit_chain}, {@code SELECT … FOR UPDATE}), so one node at a time in the cluster chains, takes
 * the committed unchained records in id order and appends them after the head. A record committed
 * late (a lower id) simply gets a later number. Each batch of {@value #BATCH} is a transaction of
 * its own, and it takes no lock an inserting transaction waits for (the inserts add new rows; the
 * chainer changes committed ones).
 *
 * <p>Only records the application wrote are chained: each carries an entry seal ({@link
 * AuditEntrySeal}). A record without a valid one — inserted with SQL, or changed before it was
 * chained — is left out and stays unchained, where the verification reports it. Records written
 * before this version (up to the anchor's {@code legacyMaxId}) have no entry seal and are chained
 * as they are.
 *
 * <p>A node that met a seal key it does not hold ({@link UnknownSealKeys}) chains nothing: it must
 * change nothing shared.
 */
@Service
public class AuditChainer {

  static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);

  private final AuditChainMapper chain;
  private final AuditAnchor anchor;
  private final AuditEntrySeal entries;
  private final SealKeys keys;
  private final UnknownSealKeys unknownKeys;
  private final TransactionTemplate transactions;
  private volatile long lastRefusalLogged;
  private volatile String blockedBy;

  AuditChainer(
      AuditChainMapper chain,
      AuditAnchor anchor,
      AuditEntrySeal entries,
      SealKeys keys,
      UnknownSealKeys unknownKeys,
      PlatformTransactionManager transactionManager) {
    this.chain = chain;
    this.anchor = anchor;
    this.entries = entries;
    this.keys = keys;
    this.unknownKeys = unknownKeys;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** What one batch did. */
  private record Batch(int chained, long lastIdSeen, boolean more) {
    static final Batch STOP = new Batch(0, Long.MAX_VALUE, false);
  }

  /**
   * Chains every committed record not yet chained; returns how many were chained. Does nothing on a
   * node that lacks a seal key in use, or when the anchor does not match its seal.
   */
  public int chainAll() {
    if (unknownKeys.any()) {
      return 0;
    }
    AuditChainState seen = chain.readAnchor();
    if (seen.seal() != null && chain.firstUnchainedAfter(0) == null) {
      return 0; // nothing to do: no lock taken
    }
    int total = 0;
    long after = 0;
    while (true) {
      long from = after;
      Batch batch = transactions.execute(status -> chainBatch(from, status));
      total += batch.chained();
      if (!batch.more()) {
        return total;
      }
      after = batch.lastIdSeen();
    }
  }

  private Batch chainBatch(long afterId, org.springframework.transaction.TransactionStatus tx) {
    AuditChainState state = chain.lockAnchor();
    MacCheck anchorCheck = anchor.check(state);
    if (anchorCheck == MacCheck.UNKNOWN_KEY) {
      unknownKeys.met(state.sealKeyId(), AuditAnchor.WHERE);
      return Batch.STOP;
    }
    if (anchorCheck == MacCheck.BROKEN) {
      blocked(
          "the anchor",
          () ->
              LOG.error(
                  "AUDIT CHAIN BROKEN: the chain's anchor (cf_audit_chain) does not match its seal;"
                      + " nothing is chained until it is put right. The verification on /admin/integrity"
                      + " says more."));
      return Batch.STOP;
    }
    Long taken = chain.maxChainSeq();
    if (taken != null && taken > state.headSeq()) {
      long head = state.headSeq();
      blocked(
          "place " + taken,
          () ->
              LOG.error(
                  "AUDIT CHAIN BROKEN: a record has place {} in the chain, after its head {} — inserted"
                      + " with SQL; nothing is chained until it is removed. See /admin/integrity.",
                  taken,
                  head));
      return Batch.STOP;
    }
    blockedBy = null;
    if (state.seal() == null) {
      state = anchor.store(state); // the migration's anchor, sealed on the first run
    }
    List<AuditRow> rows = chain.unchained(afterId, BATCH);
    if (rows.isEmpty()) {
      return new Batch(0, afterId, false);
    }
    long seq = state.headSeq();
    String previous = state.headLink();
    String keyId = null;
    List<AuditChainMapper.ChainLink> links = new ArrayList<>(rows.size());
    for (AuditRow r : rows) {
      MacCheck entry =
          r.entrySeal() == null && r.id() <= state.legacyMaxId()
              ? MacCheck.VALID
              : entries.check(r);
      if (entry == MacCheck.UNKNOWN_KEY) {
        tx.setRollbackOnly();
        unknownKeys.met(r.entryKeyId(), AuditAnchor.WHERE);
        return Batch.STOP;
      }
      if (entry == MacCheck.BROKEN) {
        refused(r);
        continue;
      }
      seq++;
      KeyedMac link = keys.sign(AuditLink.input(seq, r, previous));
      links.add(new AuditChainMapper.ChainLink(r.id(), seq, link.hex()));
      previous = link.hex();
      keyId = link.keyId();
    }
    if (!links.isEmpty()) {
      write(links, keyId);
      anchor.store(state.withHead(seq, previous));
    }
    return new Batch(links.size(), rows.get(rows.size() - 1).id(), rows.size() == BATCH);
  }

  /** Runs of 64, 32, … 1 records per statement: at most seven statement texts. */
  private void write(List<AuditChainMapper.ChainLink> links, String keyId) {
    int from = 0;
    for (int run = 64; run > 0; run /= 2) {
      while (links.size() - from >= run) {
        List<AuditChainMapper.ChainLink> part = links.subList(from, from + run);
        if (chain.link(part, keyId) != run) {
          // a record was deleted or chained meanwhile: impossible under the anchor's lock, unless
          // someone changes the table by hand; the whole batch is rolled back and tried again
          throw new IllegalStateException(
              "audit records " + part.get(0).id() + "… changed while they were being chained");
        }
        from += run;
      }
    }
  }

  /** Logs why chaining stopped once, not on every run while it lasts. */
  private void blocked(String by, Runnable log) {
    if (!by.equals(blockedBy)) {
      blockedBy = by;
      log.run();
    }
  }

  private void refused(AuditRow r) {
    if (r.id() > lastRefusalLogged) {
      lastRefusalLogged = r.id();
      LOG.error(
          "AUDIT CHAIN: record {} ({} {} at {}) has no valid entry seal — it was not written by"
              + " CivicFlow as it stands (inserted or changed with SQL) and is left out of the"
              + " chain",
          r.id(),
          r.action(),
          r.objectType(),
          r.occurredAt());
    }
  }
}
