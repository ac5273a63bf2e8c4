package org.civicflow.domain.publication;

import java.util.List;
import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConcurrentChangeException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.search.ReplyChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed replies as stored: found by proposal, department or draft, and saved sealed. Every
 * stored change of a reply is sealed as made by its actor, announced ({@link ReplyChanged}, for the
 * search feed) and its state seal recorded in the audit log in the same transaction ({@link
 * PublicationSeals}: the anchor of the latest state).
 */
@Service
public class Publications {

  private final PublicationMapper publications;
  private final PublicationSeals seals;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;

  Publications(
      PublicationMapper publications,
      PublicationSeals seals,
      ApplicationEventPublisher events,
      AuditLog audit) {
    this.publications = publications;
    this.seals = seals;
    this.events = events;
    this.audit = audit;
  }

  /**
   * Stores a reply just signed off, under the result-category set in use at the signing, and seals
   * it now that it has its id: what was signed, and its first state as made by the signer.
   */
  public void storeSigned(Publication p, String categorySet) {
    p.signedUnderCategorySet(categorySet);
    publications.insert(p);
    events.publishEvent(new ReplyChanged(p.getId()));
    seals.sealSigned(p);
    if (publications.updateSeals(p) != 1) {
      throw new ConcurrentChangeException("publication.concurrentChange", p.getId());
    }
    recordState(p, p.getSignedBy());
  }

  /** Saves a change of state, sealed as made by {@code actor}. */
  public void save(Publication p, String actor) {
    seals.sealState(p, actor);
    if (publications.update(p) != 1) {
      throw new ConcurrentChangeException("publication.concurrentChange", p.getId());
    }
    p.versionSaved();
    events.publishEvent(new ReplyChanged(p.getId()));
    recordState(p, actor);
  }

  /** The state seal in the audit log, in the same transaction: the anchor of the latest state. */
  private void recordState(Publication p, String actor) {
    audit.record(
        actor,
        PublicationSeals.STATE_RECORDED,
        "publication",
        String.valueOf(p.getId()),
        PublicationSeals.recordedState(p));
  }

  /** The record, with the state seal of its latest state change. */
  public Optional<Publication> find(long id) {
    return publications.findById(id);
  }

  /** The reply signed from a draft version, if that version was signed. */
  public Optional<Publication> findByDraft(long draftId) {
    return publications.findByDraft(draftId);
  }

  /** The latest signed reply of a department. */
  @Transactional(readOnly = true)
  public Publication current(long proposalId, String department) {
    return latest(proposalId, department)
        .orElseThrow(() -> new NotFoundException("publication", proposalId + "/" + department));
  }

  @Transactional(readOnly = true)
  public Optional<Publication> latest(long proposalId, String department) {
    return publications.findByProposal(proposalId).stream()
        .filter(p -> p.getDepartmentCode().equals(department))
        .filter(p -> p.getState() != PublicationState.VOIDED)
        .reduce((a, b) -> b);
  }

  /** Every signed reply of a proposal, voided ones included. */
  @Transactional(readOnly = true)
  public List<Publication> of(long proposalId) {
    return publications.findByProposal(proposalId);
  }
}
