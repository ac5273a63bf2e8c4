package org.civicflow.domain.audit;

import java.util.List;
import org.civicflow.domain.audit.ChainBreak.Reason;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.integrity.SealKeys;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Walks the audit chain and checks every record, in constant memory (pages of {@value #PAGE}
 * numbers in chain order):
 *
 * <ol>
 *   <li>the anchor against its seal — where the chain starts after the last purge, and its head;
 *   <li>no chained record before the start (one there was inserted);
 *   <li>from the start, each number follows the one before (a gap: a record was deleted, also the
 *       first one kept after a purge) and each link is the MAC of its record and the previous link
 *       (an edited record fails its own link; the next one still holds, since it covers the stored
 *       previous link); after the head seen at the start, a link that does not hold, or a number
 *       that does not follow, was inserted there; the chain reaches the head (records at its end
 *       were deleted otherwise);
 *   <li>the records not yet chained: each must carry a valid entry seal (one without was inserted
 *       with SQL: the chainer leaves it out), except those written before entries were sealed.
 * </ol>
 *
 * Links made with an earlier key verify with the verify-only keys of a rotation. A link or seal of
 * a key this node does not hold is reported to {@link UnknownSealKeys} and found as {@code
 * unknownKey} — not tampering; the walk goes on.
 *
 * <p>Reader threads read the next pages while the caller's checks the current one ({@link
 * AuditChainPages}; outside a transaction — inside one, pages are read in it). A purge running
 * meanwhile moves the start on: a gap at the start is looked at again against the anchor as it is
 * then. Records chained meanwhile are checked too.
 */
@Component
public class AuditChainVerifier {

  static final int PAGE = 5000;

  private final int pageSize;
  private final AuditChainMapper chain;
  private final SealKeys keys;
  private final UnknownSealKeys unknownKeys;
  private final AuditAnchor anchor;
  private final AuditEntrySeal entries;

  /**
   * @param keys the seal keys this verification holds (the node's; another set to see what a node
   *     with those keys would find)
   */
  @Autowired
  public AuditChainVerifier(AuditChainMapper chain, SealKeys keys, UnknownSealKeys unknownKeys) {
    this(chain, keys, unknownKeys, PAGE);
  }

  /** With pages of {@code pageSize} records (tests cross page boundaries with small ones). */
  AuditChainVerifier(
      AuditChainMapper chain, SealKeys keys, UnknownSealKeys unknownKeys, int pageSize) {
    this.pageSize = pageSize;
    this.chain = chain;
    this.keys = keys;
    this.unknownKeys = unknownKeys;
    this.anchor = new AuditAnchor(keys, chain);
    this.entries = new AuditEntrySeal(keys);
  }

  /** What was found so far. */
  private final class Findings {
    long checked;
    long broken;
    ChainBreak firstTampering;
    ChainBreak firstUnknownKey;

    void add(ChainBreak b) {
      broken++;
      if (b.tampering()) {
        if (firstTampering == null) {
          firstTampering = b;
        }
      } else {
        unknownKeys.met(b.keyId(), AuditAnchor.WHERE);
        if (firstUnknownKey == null) {
          firstUnknownKey = b;
        }
      }
    }

    void check(MacCheck check, AuditRow r, Reason ifBroken, String keyId) {
      checked++;
      if (check == MacCheck.BROKEN) {
        add(ChainBreak.at(r, ifBroken, null));
      } else if (check == MacCheck.UNKNOWN_KEY) {
        add(ChainBreak.at(r, Reason.UNKNOWN_KEY, keyId));
      }
    }

    ChainVerdict verdict() {
      ChainBreak first = firstTampering != null ? firstTampering : firstUnknownKey;
      return new ChainVerdict(first == null, checked, first);
    }
  }

  /** Verifies the whole chain and the records not yet chained. */
  public ChainVerdict verify() {
    Findings found = new Findings();
    AuditChainState state = chain.readAnchor();
    MacCheck anchorCheck = anchor.check(state);
    if (anchorCheck == MacCheck.BROKEN) {
      found.add(new ChainBreak(state.startSeq(), null, Reason.EDITED, null, null, null));
    } else if (anchorCheck == MacCheck.UNKNOWN_KEY) {
      found.add(
          new ChainBreak(
              state.startSeq(), null, Reason.UNKNOWN_KEY, null, null, state.sealKeyId()));
    }
    AuditRow before = chain.firstBefore(state.startSeq());
    if (before != null) {
      found.add(ChainBreak.at(before, Reason.INSERTED, null));
    }
    walk(state, found);
    unchained(state, found);
    return found.verdict();
  }

  /** Reader threads: as many as there are processors, at most four. */
  private static int readers() {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return 0; // a reader thread would not see what the caller's transaction wrote
    }
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  private void walk(AuditChainState state, Findings found) {
    long expected = state.startSeq();
    String previous = state.startLink();
    boolean previousKnown = true;
    try (AuditChainPages pages =
        new AuditChainPages(chain, expected, state.headSeq(), pageSize, readers())) {
      for (List<AuditRow> page = pages.next(); page != null; page = pages.next()) {
        for (AuditRow r : page) {
          long seq = r.chainSeq();
          if (seq < expected) {
            continue; // being purged: the start moved past it
          }
          if (seq > expected) {
            AuditChainState now = chain.readAnchor();
            if (now.startSeq() > expected && anchor.check(now) == MacCheck.VALID) {
              expected = now.startSeq(); // purged meanwhile: the chain starts further on now
              previous = now.startLink();
              if (seq < expected) {
                continue;
              }
            }
            if (seq > expected) {
              // after the head, records are only appended one by one: a jump there is made up
              found.add(
                  expected > state.headSeq()
                      ? ChainBreak.at(r, Reason.INSERTED, null)
                      : new ChainBreak(
                          expected, r.id(), Reason.DELETED, r.occurredAt(), r.action(), null));
              previousKnown = false;
            }
          }
          if (previousKnown) {
            MacCheck link = keys.check(r.linkKeyId(), r.link(), AuditLink.input(seq, r, previous));
            Reason ifBroken = seq > state.headSeq() ? Reason.INSERTED : Reason.EDITED;
            found.check(link, r, ifBroken, r.linkKeyId());
          }
          previous = r.link();
          previousKnown = true;
          expected = seq + 1;
        }
      }
    }
    if (expected <= state.headSeq()) {
      found.add(new ChainBreak(expected, null, Reason.DELETED, null, null, null));
    }
  }

  private void unchained(AuditChainState state, Findings found) {
    long after = 0;
    while (true) {
      List<AuditRow> page = chain.unchained(after, pageSize);
      for (AuditRow r : page) {
        if (r.entrySeal() == null) {
          if (r.id() > state.legacyMaxId()) {
            found.checked++;
            found.add(ChainBreak.at(r, Reason.INSERTED, null));
          }
          continue; // written before entries were sealed: the chainer takes it as it is
        }
        found.check(entries.check(r), r, Reason.EDITED, r.entryKeyId());
      }
      if (page.size() < pageSize) {
        return;
      }
      after = page.get(page.size() - 1).id();
    }
  }
}
