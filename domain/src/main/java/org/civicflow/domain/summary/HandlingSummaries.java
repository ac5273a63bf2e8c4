package org.civicflow.domain.summary;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.publication.Seal;
import org.civicflow.domain.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handling summaries of sessions: a draft generated with its figures frozen (regenerating
 * replaces the session's draft, never a published summary), published and sealed by the registrar,
 * served to the public only while it matches its seal. Who may act is checked by the caller's layer
 * (registrars and admins, as for the statistics).
 */
@Service
public class HandlingSummaries {

  private static final Logger LOG = LoggerFactory.getLogger(HandlingSummaries.class);
  static final String OBJECT = "summary";

  private final SummaryMapper summaries;
  private final SummarySeals seals;
  private final AuditLog audit;
  private final Clock clock;

  HandlingSummaries(SummaryMapper summaries, SummarySeals seals, AuditLog audit, Clock clock) {
    this.summaries = summaries;
    this.seals = seals;
    this.audit = audit;
    this.clock = clock;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Stores {@code figures} (JSON) as the draft summary of {@code session}: replaces the figures of
   * its draft when it has one, else makes a new draft.
   */
  @Transactional
  public HandlingSummary saveDraft(Session session, String figures, String by) {
    Instant at = now();
    String sha = Seal.sha256(figures);
    Optional<HandlingSummary> draft = summaries.draftOf(session.id());
    long id;
    if (draft.isPresent()) {
      id = draft.get().getId();
      summaries.replaceDraft(id, figures, sha, by, at);
    } else {
      HandlingSummary s = new HandlingSummary(session.id(), session.name(), figures, sha, by, at);
      summaries.insert(s);
      id = s.getId();
    }
    audit.record(by, "summary.generate", OBJECT, String.valueOf(id), "session=" + session.name());
    return get(id);
  }

  /**
   * Publishes a draft and seals it.
   *
   * @throws NotFoundException no such summary
   * @throws ConflictException it is published already
   */
  @Transactional
  public HandlingSummary publish(long id, String by) {
    HandlingSummary s = get(id);
    if (s.isPublished()) {
      throw new ConflictException("summary.alreadyPublished");
    }
    s.published(by, now());
    seals.seal(s);
    if (summaries.publish(s) != 1) {
      throw new ConflictException("summary.alreadyPublished");
    }
    audit.record(by, "summary.publish", OBJECT, String.valueOf(id), "seal=" + s.getSeal());
    return s;
  }

  /** A summary in any state, for the registrar. */
  @Transactional(readOnly = true)
  public HandlingSummary get(long id) {
    return summaries.findById(id).orElseThrow(() -> new NotFoundException(OBJECT, id));
  }

  /** Every summary, newest first, without the figures. */
  @Transactional(readOnly = true)
  public List<HandlingSummary> all() {
    return summaries.all();
  }

  /** Whether a published summary still matches its seal (a draft has none to match). */
  public MacCheck check(HandlingSummary s) {
    return s.isPublished() ? seals.check(s) : MacCheck.VALID;
  }

  /**
   * A published summary as sealed: empty when there is none, when it is a draft, or when the record
   * no longer matches its seal (withheld and logged).
   */
  @Transactional(readOnly = true)
  public Optional<HandlingSummary> published(long id) {
    return summaries.findById(id).filter(HandlingSummary::isPublished).filter(this::intact);
  }

  /** The published summaries that match their seals, of one session or of all, newest first. */
  @Transactional(readOnly = true)
  public List<HandlingSummary> published(Long sessionId) {
    return summaries.published(sessionId).stream().filter(this::intact).toList();
  }

  private boolean intact(HandlingSummary s) {
    MacCheck check = seals.check(s);
    if (check != MacCheck.VALID) {
      LOG.error(
          "INTEGRITY: handling summary {} does not match its seal ({}); withheld",
          s.getId(),
          check);
      return false;
    }
    return true;
  }
}
