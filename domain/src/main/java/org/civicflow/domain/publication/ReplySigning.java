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
  private final SealKey sealKey;
  private final PublicSearchIndex searchIndex;
  private final AuditLog audit;
  private final Clock clock;

  ReplySigning(
      ReplyDrafting drafting,
      PublicationMapper publications,
      Proposals proposals,
      DepartmentDirectory departments,
      SealKey sealKey,
      PublicSearchIndex searchIndex,
      AuditLog audit,
      Clock clock) {
    this.drafting = drafting;
    this.publications = publications;
    this.proposals = proposals;
    this.departments = departments;
    this.sealKey = sealKey;
    this.searchIndex = searchIndex;
    this.audit = audit;
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
            draft.getCategory().name());
    Publication p =
        new Publication(
            proposalId,
            department,
            draft.getId(),
            shown,
            draft.getReplyText(),
            publicText,
            Seal.sha256(publicText),
            Seal.of(sealKey, proposalId, department, shown, publicText),
            signer,
            clock.instant());
    publications.insert(p);
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
              save(p);
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
      p.markReplied(clock.instant());
      save(p);
      audit.record("system", "reply.send", "proposal", String.valueOf(proposalId), department);
    }
    return p;
  }

  /** Publishes the signed reply on the public site, exactly once. */
  @Transactional
  public Publication publish(long proposalId, String department) {
    Publication p = current(proposalId, department);
    if (p.publish(clock.instant(), clock.getZone())) {
      save(p);
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

  /** The registrar confirmed the reason: the reply stays off the public site. */
  @Transactional
  public Publication keepNotPublic(long proposalId, String department, String actor) {
    Publication p = current(proposalId, department);
    if (p.getState() == PublicationState.SIGNED) {
      p.keepNotPublic();
      save(p);
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
    p.withdraw(actor, reason.strip(), clock.instant());
    save(p);
    searchIndex.remove(p);
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
        Seal.verify(sealKey, p)
            && publicTextOf(p.getSignedText()).equals(p.getPublicText())
            && Seal.sha256(p.getPublicText()).equals(p.getContentSha256());
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

  private void save(Publication p) {
    if (publications.update(p) != 1) {
      throw new ConcurrentChangeException("publication.concurrentChange", p.getId());
    }
    p.versionSaved();
  }
}
