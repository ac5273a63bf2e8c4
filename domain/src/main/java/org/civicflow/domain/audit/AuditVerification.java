package org.civicflow.domain.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Verifies the audit chain — daily ({@code civicflow.audit.verify-cron}, 04:00 city time, after the
 * purge) and when an administrator asks — and stores each result ({@code cf_audit_verification}):
 * when, who asked, ok, how many records, the first finding.
 *
 * <p>Each verification first chains what is committed, so that it covers every record. The daily
 * one runs on one node of the cluster: the nodes race to store the day's row (unique day), the
 * others skip it. A node that lacks a seal key in use skips it too (it could not judge).
 *
 * <p>A finding of tampering is logged at ERROR ({@code AUDIT CHAIN BROKEN …}) once: when it differs
 * from the first finding of the verification before.
 */
@Service
public class AuditVerification {

  private static final Logger LOG = LoggerFactory.getLogger(AuditVerification.class);

  private final AuditChainer chainer;
  private final AuditChainVerifier verifier;
  private final AuditVerificationMapper results;
  private final UnknownSealKeys unknownKeys;
  private final Clock clock;
  private CompletableFuture<ChainVerdict> running;

  AuditVerification(
      AuditChainer chainer,
      AuditChainVerifier verifier,
      AuditVerificationMapper results,
      UnknownSealKeys unknownKeys,
      Clock clock) {
    this.chainer = chainer;
    this.verifier = verifier;
    this.results = results;
    this.unknownKeys = unknownKeys;
    this.clock = clock;
  }

  /**
   * Verifies the chain now, for {@code requestedBy}, and stores the result. While one runs on this
   * node, a second request waits for it and gets its result instead of walking the chain again.
   */
  public ChainVerdict verifyNow(String requestedBy) {
    CompletableFuture<ChainVerdict> mine;
    CompletableFuture<ChainVerdict> other;
    synchronized (this) {
      other = running;
      if (other == null) {
        running = new CompletableFuture<>();
      }
      mine = running;
    }
    if (other != null) {
      return other.join();
    }
    try {
      ChainVerdict verdict = run(new AuditVerificationMapper.Started(now(), requestedBy, null));
      mine.complete(verdict);
      return verdict;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      synchronized (this) {
        running = null;
      }
    }
  }

  /** The daily verification: on the node that stores the day's row first. */
  public void verifyDaily() {
    if (unknownKeys.any()) {
      LOG.warn("Daily audit chain verification skipped: this node lacks a seal key in use");
      return;
    }
    AuditVerificationMapper.Started day =
        new AuditVerificationMapper.Started(now(), null, LocalDate.now(clock));
    try {
      results.start(day);
    } catch (DuplicateKeyException anotherNode) {
      return;
    }
    finish(day);
  }

  /** The latest verification that finished. */
  public Optional<AuditVerificationResult> latest() {
    return Optional.ofNullable(results.latestFinished());
  }

  private ChainVerdict run(AuditVerificationMapper.Started v) {
    results.start(v);
    return finish(v);
  }

  private ChainVerdict finish(AuditVerificationMapper.Started v) {
    chainer.chainAll();
    ChainVerdict verdict = verifier.verify();
    AuditVerificationResult before = results.latestFinished();
    ChainBreak broken = verdict.firstBroken();
    results.finish(v.id, now(), verdict, broken, broken == null ? null : broken.reason().code());
    log(verdict, before == null ? null : before.firstBroken());
    return verdict;
  }

  private void log(ChainVerdict verdict, ChainBreak before) {
    ChainBreak b = verdict.firstBroken();
    if (b == null) {
      LOG.info(
          "Audit chain verified: {} records, nothing changed, deleted or inserted",
          verdict.checked());
    } else if (!b.tampering()) {
      LOG.warn(
          "Audit chain not verified on this node: {} (first at chain place {}); {} records checked",
          describe(b),
          b.chainSeq(),
          verdict.checked());
    } else if (b.sameAs(before)) {
      LOG.warn("Audit chain still broken (reported before): {}", describe(b));
    } else {
      LOG.error(
          "AUDIT CHAIN BROKEN: {}; {} records checked. See /admin/integrity.",
          describe(b),
          verdict.checked());
    }
  }

  /** A finding in words, for the log. */
  static String describe(ChainBreak b) {
    return switch (b.reason()) {
      case DELETED ->
          "the record at chain place "
              + b.chainSeq()
              + " was deleted"
              + (b.id() == null
                  ? " (at the end of the chain)"
                  : " (the next record kept is "
                      + b.id()
                      + ", "
                      + b.action()
                      + " at "
                      + b.occurredAt()
                      + ")");
      case EDITED ->
          b.id() == null
              ? "the chain's anchor was changed"
              : "record "
                  + b.id()
                  + " at chain place "
                  + b.chainSeq()
                  + " was edited ("
                  + b.action()
                  + " at "
                  + b.occurredAt()
                  + ")";
      case INSERTED ->
          "record "
              + b.id()
              + " was inserted behind the application's back ("
              + b.action()
              + " at "
              + b.occurredAt()
              + (b.chainSeq() == null ? ", not chained" : ", at chain place " + b.chainSeq())
              + ")";
      case UNKNOWN_KEY -> "links of key " + b.keyId() + ", which this node does not hold";
    };
  }

  private java.time.Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }
}
