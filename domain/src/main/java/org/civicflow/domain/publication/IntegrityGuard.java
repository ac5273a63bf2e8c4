package org.civicflow.domain.publication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serves public replies only as signed. A record is checked against its seal (and its text against
 * its SHA-256) when it is read; the verified form is kept for at most {@code
 * civicflow.integrity.recheck-after} (5 s by default), so pages cost no database read, and after
 * that the next reader re-reads the record and checks it again. A withdrawal, a change made on
 * another node or behind CivicFlow's back, and other nodes' read counts are thus seen within that
 * bound; a withdrawal made on this node at once. A sweep also re-checks the stored records on a
 * schedule. A mismatch withholds the reply, logs an alert, writes an audit event and lists the item
 * for the administrators.
 *
 * <p>A record sealed with a key this node does not hold is not a mismatch: the node cannot judge
 * it. It does not serve it, changes nothing shared, and reports itself not ready ({@link
 * UnknownSealKeys}); the nodes that hold the key serve it.
 */
@Service
public class IntegrityGuard {

  private static final Logger LOG = LoggerFactory.getLogger(IntegrityGuard.class);
  static final int SWEEP_BATCH = 500;

  private final PublicationMapper publications;
  private final IntegrityFailureMapper failures;
  private final PublicationSeals seals;
  private final UnknownSealKeys unknownKeys;
  private final AuditLog audit;
  private final Clock clock;
  private final ReadCounter reads;
  private final Cache<Long, VerifiedReply> verified;
  private final Set<Long> withheld = ConcurrentHashMap.newKeySet();
  private volatile long sweepCursor;

  @Autowired
  IntegrityGuard(
      PublicationMapper publications,
      IntegrityFailureMapper failures,
      PublicationSeals seals,
      UnknownSealKeys unknownKeys,
      AuditLog audit,
      Clock clock,
      ReadCounter reads,
      @Value("${civicflow.integrity.recheck-after:PT5S}") Duration recheckAfter) {
    this(
        publications,
        failures,
        seals,
        unknownKeys,
        audit,
        clock,
        reads,
        recheckAfter,
        Ticker.systemTicker());
  }

  IntegrityGuard(
      PublicationMapper publications,
      IntegrityFailureMapper failures,
      PublicationSeals seals,
      UnknownSealKeys unknownKeys,
      AuditLog audit,
      Clock clock,
      ReadCounter reads,
      Duration recheckAfter,
      Ticker ticker) {
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(5_000)
            .expireAfterWrite(recheckAfter)
            .ticker(ticker)
            .build();
    this.reads = reads;
    this.publications = publications;
    this.failures = failures;
    this.seals = seals;
    this.unknownKeys = unknownKeys;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The reply as signed, for public rendering.
   *
   * @throws NotFoundException unknown, or never published
   * @throws ReplyWithheldException the stored record no longer matches its seal
   */
  public VerifiedReply reply(long id) {
    if (withheld.contains(id)) {
      throw new ReplyWithheldException(id);
    }
    VerifiedReply cached = verified.getIfPresent(id);
    if (cached != null) {
      return cached;
    }
    try {
      // one reader re-reads and checks; the others wait for its result
      return verified.get(id, this::readAndVerify);
    } catch (NotVerified e) {
      if (e.verdict.result() == MacCheck.UNKNOWN_KEY) {
        unknownKeys.met(e.verdict.keyId(), "published reply " + id);
      } else {
        withhold(id, "stored record does not match its seal: " + e.verdict.problem() + " (read)");
      }
      throw new ReplyWithheldException(id);
    }
  }

  private VerifiedReply readAndVerify(long id) {
    long flushedBefore = reads.flushedSoFar(id);
    Publication p = shown(id);
    PublicationSeals.Verdict verdict = seals.check(p);
    if (verdict.result() == MacCheck.BROKEN) {
      // a state change may have committed between two reads of a racing reader: judge a fresh read
      p = shown(id);
      verdict = seals.check(p);
    }
    if (!verdict.valid()) {
      throw new NotVerified(verdict);
    }
    reads.reloaded(id, flushedBefore);
    return VerifiedReply.of(p);
  }

  private Publication shown(long id) {
    Publication p = publications.findById(id).orElseThrow(() -> new NotFoundException("reply", id));
    if (p.getState() != PublicationState.PUBLISHED && p.getState() != PublicationState.WITHDRAWN) {
      throw new NotFoundException("reply", id);
    }
    return p;
  }

  /** Thrown out of the cache's loading function, which must not change the cache itself. */
  private static final class NotVerified extends RuntimeException {
    private final transient PublicationSeals.Verdict verdict;

    NotVerified(PublicationSeals.Verdict verdict) {
      super(null, null, false, false);
      this.verdict = verdict;
    }
  }

  /** The replies of a page in order, leaving out withheld ones. */
  public List<VerifiedReply> replies(List<Long> ids) {
    List<VerifiedReply> out = new ArrayList<>(ids.size());
    for (long id : ids) {
      try {
        out.add(reply(id));
      } catch (ReplyWithheldException | NotFoundException skipped) {
        // a withheld reply is not listed either
      }
    }
    return out;
  }

  /**
   * Forgets the cached form of a reply whose state changed through CivicFlow (withdrawal): now, and
   * again when the surrounding transaction ends, so that a reader who re-read the record before the
   * commit does not keep the old state.
   */
  public void evict(long id) {
    verified.invalidate(id);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              verified.invalidate(id);
            }
          });
    }
  }

  /**
   * Re-checks the cached replies and the next batch of stored ones; returns how many failed. Runs
   * on a schedule (see the application's scheduling) and on demand.
   */
  public int sweep() {
    unknownKeys.recheck();
    int failed = 0;
    List<Long> ids = new ArrayList<>(verified.asMap().keySet());
    List<Long> next = publications.publishedIdsAfter(sweepCursor, SWEEP_BATCH);
    sweepCursor = next.isEmpty() ? 0 : next.get(next.size() - 1);
    ids.addAll(next);
    // what any node withheld, and no longer what an administrator resolved on another node
    List<Long> open = failures.openPublicationIds();
    withheld.retainAll(open);
    withheld.addAll(open);
    for (long id : ids.stream().distinct().toList()) {
      Optional<Publication> stored = publications.findById(id);
      if (stored.isEmpty() || withheld.contains(id)) {
        verified.invalidate(id);
        continue;
      }
      PublicationSeals.Verdict verdict = seals.check(stored.get());
      if (verdict.result() == MacCheck.UNKNOWN_KEY) {
        verified.invalidate(id);
        unknownKeys.met(verdict.keyId(), "published reply " + id);
      } else if (verdict.result() == MacCheck.BROKEN
          && !seals.check(publications.findById(id).orElseThrow()).valid()) {
        withhold(
            id,
            "stored record does not match its seal: " + verdict.problem() + " (scheduled check)");
        failed++;
      }
    }
    return failed;
  }

  /**
   * The replies withheld now, to leave out of lists and counts: the open failures (withheld by any
   * node) and those this node withheld.
   */
  public Set<Long> withheldIds() {
    Set<Long> ids = new java.util.HashSet<>(failures.openPublicationIds());
    ids.addAll(withheld);
    return ids;
  }

  /** The open integrity failures, for administrators. */
  public List<IntegrityFailure> openFailures() {
    return failures.findOpen();
  }

  /** An administrator repaired the record: it is checked again before it is served. */
  @Transactional
  public void resolve(long publicationId, String admin) {
    if (failures.resolve(publicationId, clock.instant(), admin) == 0) {
      // nothing open for it: no "resolved" record for something that was never withheld
      throw new NotFoundException("integrityFailure", publicationId);
    }
    audit.record(
        admin, "publication.integrityResolved", "publication", String.valueOf(publicationId), null);
    withheld.remove(publicationId);
    verified.invalidate(publicationId);
  }

  /**
   * A reply that must not be published was about to be (its signed disclosure is not public, or its
   * record does not verify): an incident for the administrators, listed like a changed record.
   */
  public void refusePublication(long id, String detail) {
    withhold(id, detail, "publication.publishRefused");
  }

  /** Outside any request transaction: the alert and its records must stay even if that fails. */
  private void withhold(long id, String detail) {
    withhold(id, detail, "publication.tamperDetected");
  }

  private void withhold(long id, String detail, String action) {
    verified.invalidate(id);
    if (withheld.add(id)) {
      LOG.error("INTEGRITY ALERT: published reply {} withheld: {}", id, detail);
      if (!failures.openPublicationIds().contains(id)) {
        failures.insert(id, clock.instant(), detail);
        audit.recordDenied("system", action, "publication", String.valueOf(id), detail);
      }
    }
  }
}
