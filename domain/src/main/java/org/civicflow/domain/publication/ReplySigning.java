package org.civicflow.domain.publication;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConcurrentChangeException;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.reply.ReplyDraft;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.reply.ReviewStage;
import org.civicflow.domain.reply.Verdict;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.civicflow.domain.search.ReplyChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-off (签发) and what follows: the signed text and the public text derived from it are stored
 * with the SHA-256 and the seal; the reply is sent; the public reply is published once, or kept off
 * the site after the registrar's confirmation.
 */
@Service
public class ReplySigning {

  private final ReplyDrafting drafting;
  private final PublicationMapper publications;
  private final Proposals proposals;
  private final DepartmentDirectory departments;
  private final PublicationSeals seals;
  private final IntegrityGuard guard;
  private final PublicSearchIndex searchIndex;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final ResultCategorySet categories;
  private final Clock clock;

  ReplySigning(
      ReplyDrafting drafting,
      PublicationMapper publications,
      Proposals proposals,
      DepartmentDirectory departments,
      PublicationSeals seals,
      IntegrityGuard guard,
      PublicSearchIndex searchIndex,
      ApplicationEventPublisher events,
      AuditLog audit,
      ResultCategorySet categories,
      Clock clock) {
    this.drafting = drafting;
    this.publications = publications;
    this.proposals = proposals;
    this.departments = departments;
    this.seals = seals;
    this.guard = guard;
    this.searchIndex = searchIndex;
    this.events = events;
    this.audit = audit;
    this.categories = categories;
    this.clock = clock;
  }

  /** The text as it would be published: what the signing leader sees next to the signed text. */
  public static String publicTextOf(String signedText) {
    return ContactRedactor.redact(signedText);
  }

  /**
   * A leader approves the latest reviewed draft: it becomes the signed reply. When the process has
   * a further approval after the first signature (an admin may add one), that approval is recorded
   * on the same signed reply, which stays as the first signer sealed it.
   *
   * @param step the model's task of this approval
   */
  @Transactional
  public Publication signOff(
      long proposalId, String department, String step, String comment, String signer) {
    ReplyDraft draft =
        drafting.decide(
            proposalId, department, ReviewStage.SIGN_OFF, step, Verdict.APPROVE, comment, signer);
    Optional<Publication> signed = publications.findByDraft(draft.getId());
    if (signed.isPresent()) {
      audit.record(
          signer,
          "reply.countersign",
          "proposal",
          String.valueOf(proposalId),
          department + " v" + draft.getVersion() + " " + step);
      return signed.get();
    }
    Proposal proposal = proposals.get(proposalId);
    String publicText = publicTextOf(draft.getReplyText());
    PublicSnapshot shown =
        new PublicSnapshot(
            proposal.getTitle(),
            departments.get(department).name(),
            proposal.getSessionName(),
            proposal.getNumber(),
            proposal.getType().name(),
            proposal.getProposer(),
            proposal.getDelegation(),
            proposal.getSubmittedAt(),
            ContactRedactor.redact(proposal.getContent()),
            draft.getCategory().code());
    Publication p =
        new Publication(
            proposalId,
            department,
            draft.getId(),
            draft.getVersion(),
            draft.getDisclosure().name(),
            draft.getNonDisclosureReason(),
            shown,
            draft.getReplyText(),
            publicText,
            signer,
            seals.now());
    p.signedUnderCategorySet(categories.active().name());
    publications.insert(p);
    events.publishEvent(new ReplyChanged(p.getId()));
    seals.sealSigned(p);
    if (publications.updateSeals(p) != 1) {
      throw new ConcurrentChangeException("publication.concurrentChange", p.getId());
    }
    recordState(p, signer);
    audit.record(
        signer,
        "reply.sign",
        "proposal",
        String.valueOf(proposalId),
        department + " v" + draft.getVersion() + " sha256 " + p.getContentSha256());
    return p;
  }

  /**
   * A signing leader returns the draft. If an earlier approval had already signed it (the process
   * has further approvals), that signature is voided: the reply was never sent.
   */
  @Transactional
  public void returnAtSignOff(
      long proposalId, String department, String step, String comment, String actor) {
    ReplyDraft draft =
        drafting.decide(
            proposalId, department, ReviewStage.SIGN_OFF, step, Verdict.RETURN, comment, actor);
    publications
        .findByDraft(draft.getId())
        .filter(p -> p.getState() == PublicationState.SIGNED)
        .ifPresent(
            p -> {
              p.voidSignature();
              save(p, actor);
              audit.record(
                  actor,
                  "reply.voidSignature",
                  "proposal",
                  String.valueOf(proposalId),
                  department + " publication " + p.getId());
            });
  }

  /** The reply was sent to the proposer and the co-signers. Idempotent. */
  @Transactional
  public Publication markReplied(long proposalId, String department) {
    Publication p = current(proposalId, department);
    if (p.getRepliedAt() == null) {
      p.markReplied(seals.now());
      save(p, "system");
      audit.record("system", "reply.send", "proposal", String.valueOf(proposalId), department);
    }
    return p;
  }

  /**
   * Publishes the signed reply on the public site, exactly once — but only a reply whose seals hold
   * and whose signed disclosure decision is public (or which the registrar decided to publish),
   * whatever the deployed process model routes here. A refused publication is an integrity incident
   * for the administrators; it is not retried, and the handling goes on.
   */
  @Transactional
  public Publication publish(long proposalId, String department) {
    Publication p = current(proposalId, department);
    if (p.getState() == PublicationState.PUBLISHED) {
      return p;
    }
    String refusal = publicationRefusal(p);
    if (refusal != null) {
      guard.refusePublication(p.getId(), refusal);
      return p;
    }
    if (p.publish(seals.now(), clock.getZone())) {
      save(p, "system");
      searchIndex.add(p);
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
            .anyMatch(
                d ->
                    d.getId() == p.getDraftId()
                        && d.getDisclosure() == org.civicflow.domain.reply.Disclosure.PUBLIC);
  }

  /**
   * The registrar decided that a reply the department proposed to keep off the site is published
   * after all: recorded, sealed, on the signed reply.
   */
  @Transactional
  public Publication releaseForPublication(long proposalId, String department, String actor) {
    Publication p = current(proposalId, department);
    if (p.getState() == PublicationState.SIGNED && p.getDisclosureReleasedBy() == null) {
      p.releaseForPublication(actor);
      save(p, actor);
    }
    return p;
  }

  /** The registrar confirmed the reason: the reply stays off the public site. */
  @Transactional
  public Publication keepNotPublic(long proposalId, String department, String actor) {
    Publication p = current(proposalId, department);
    if (p.getState() == PublicationState.SIGNED) {
      p.keepNotPublic();
      save(p, actor);
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
    new org.civicflow.domain.common.FieldErrors()
        .required("reason", reason)
        .maxLength("reason", reason, 1000)
        .throwIfAny();
    Publication p =
        publications
            .findById(publicationId)
            .orElseThrow(() -> new NotFoundException("publication", publicationId));
    p.withdraw(actor, reason.strip(), seals.now());
    save(p, actor);
    searchIndex.remove(p);
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

  /**
   * A signed reply of the proposal for its reply letter, checked against its seal: the letter is
   * made from the signed text only, and only while that text is still what the leader signed.
   *
   * @throws NotFoundException not a signed reply of this proposal
   * @throws ConflictException the stored record no longer matches its seal
   */
  @Transactional(readOnly = true)
  public Publication signedReply(long proposalId, long publicationId) {
    Publication p =
        publications
            .findById(publicationId)
            .filter(x -> x.getProposalId() == proposalId)
            .filter(x -> x.getState() != PublicationState.VOIDED)
            .orElseThrow(() -> new NotFoundException("reply", publicationId));
    boolean intact =
        seals.check(p).valid() && publicTextOf(p.getSignedText()).equals(p.getPublicText());
    if (!intact) {
      throw new ConflictException("letter.tampered", publicationId);
    }
    return p;
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

  @Transactional(readOnly = true)
  public List<Publication> of(long proposalId) {
    return publications.findByProposal(proposalId);
  }

  /** Saves a change of state, sealed as made by {@code actor}. */
  private void save(Publication p, String actor) {
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
}
