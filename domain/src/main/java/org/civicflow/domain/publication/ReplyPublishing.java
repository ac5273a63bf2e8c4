package org.civicflow.domain.publication;

import java.time.Clock;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.reply.Disclosure;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.search.PublicSearchEntry;
import org.civicflow.domain.search.PublicSearchIndex;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publication (公开) of a signed reply on the public site: published once, or kept off the site after
 * the registrar's confirmation, or released for publication by the registrar, or withdrawn with a
 * reason. Publishing and withdrawing update the public search index in the same transaction.
 */
@Service
public class ReplyPublishing {

  private final Publications publications;
  private final PublicationSeals seals;
  private final IntegrityGuard guard;
  private final PublicSearchIndex searchIndex;
  private final ReplyDrafting drafting;
  private final AuditLog audit;
  private final Clock clock;

  ReplyPublishing(
      Publications publications,
      PublicationSeals seals,
      IntegrityGuard guard,
      PublicSearchIndex searchIndex,
      ReplyDrafting drafting,
      AuditLog audit,
      Clock clock) {
    this.publications = publications;
    this.seals = seals;
    this.guard = guard;
    this.searchIndex = searchIndex;
    this.drafting = drafting;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the public search index knows of a published reply. */
  public static PublicSearchEntry searchEntry(Publication p) {
    PublicSnapshot s = p.snapshot();
    return new PublicSearchEntry(
        p.getId(),
        s.title(),
        p.getPublicText(),
        s.suggestionText(),
        s.sessionName(),
        p.getDepartmentCode(),
        p.getPublishedYear(),
        s.category());
  }

  /**
   * Publishes the signed reply on the public site, exactly once — but only a reply whose seals hold
   * and whose signed disclosure decision is public (or which the registrar decided to publish),
   * whatever the deployed process model routes here. A refused publication is an integrity incident
   * for the administrators; it is not retried, and the handling goes on.
   */
  @Transactional
  public Publication publish(long proposalId, String department) {
    Publication p = publications.current(proposalId, department);
    if (p.getState() == PublicationState.PUBLISHED) {
      return p;
    }
    String refusal = publicationRefusal(p);
    if (refusal != null) {
      guard.refusePublication(p.getId(), refusal);
      return p;
    }
    if (p.publish(seals.now(), clock.getZone())) {
      publications.save(p, "system");
      searchIndex.add(searchEntry(p));
      audit.record(
          "system",
          "reply.publish",
          "proposal",
          String.valueOf(proposalId),
          department + " publication " + p.getId());
    }
    return p;
  }

  /** Why the reply must not be published, or {@code null} when it may. */
  private String publicationRefusal(Publication p) {
    PublicationSeals.Verdict verdict = seals.check(p);
    if (!verdict.valid()) {
      return "publication refused: the record does not verify (" + verdict.problem() + ")";
    }
    boolean allowed =
        p.getSealKeyId() == null
            ? legacyDisclosureAllowsPublishing(p)
            : p.disclosureAllowsPublishing();
    return allowed
        ? null
        : "publication refused: the reply was signed as not public"
            + " and the registrar did not decide to publish it";
  }

  /** Signed before the disclosure decision was sealed: the draft's decision, as before. */
  private boolean legacyDisclosureAllowsPublishing(Publication p) {
    return p.getDisclosureReleasedBy() != null
        || drafting.all(p.getProposalId()).stream()
            .anyMatch(d -> d.getId() == p.getDraftId() && d.getDisclosure() == Disclosure.PUBLIC);
  }

  /**
   * The registrar decided that a reply the department proposed to keep off the site is published
   * after all: recorded, sealed, on the signed reply.
   */
  @Transactional
  public Publication releaseForPublication(long proposalId, String department, String actor) {
    Publication p = publications.current(proposalId, department);
    if (p.getState() == PublicationState.SIGNED && p.getDisclosureReleasedBy() == null) {
      p.releaseForPublication(actor);
      publications.save(p, actor);
    }
    return p;
  }

  /** The registrar confirmed the reason: the reply stays off the public site. */
  @Transactional
  public Publication keepNotPublic(long proposalId, String department, String actor) {
    Publication p = publications.current(proposalId, department);
    if (p.getState() == PublicationState.SIGNED) {
      p.keepNotPublic();
      publications.save(p, actor);
      audit.record(actor, "reply.notPublic", "proposal", String.valueOf(proposalId), department);
    }
    return p;
  }

  /**
   * The registrar takes a published reply off the public site, with a reason; the record stays and
   * the page says it was withdrawn.
   */
  @Transactional
  public Publication withdrawFromPublicSite(long publicationId, String reason, String actor) {
    new FieldErrors().required("reason", reason).maxLength("reason", reason, 1000).throwIfAny();
    Publication p =
        publications
            .find(publicationId)
            .orElseThrow(() -> new NotFoundException("publication", publicationId));
    p.withdraw(actor, reason.strip(), seals.now());
    publications.save(p, actor);
    searchIndex.remove(searchEntry(p));
    // this node serves the withdrawn state at once (the others within the re-check interval)
    guard.evict(publicationId);
    audit.record(
        actor,
        "reply.withdrawPublication",
        "proposal",
        String.valueOf(p.getProposalId()),
        "publication " + publicationId + ": " + reason.strip());
    return p;
  }
}
