package org.civicflow.domain.signoff;

import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.publication.PublicSnapshot;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.PublicationSeals;
import org.civicflow.domain.publication.PublicationState;
import org.civicflow.domain.publication.Publications;
import org.civicflow.domain.reply.ReplyDraft;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.domain.reply.ReviewStage;
import org.civicflow.domain.reply.Verdict;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-off (签发) and sending: the signed text and the public text derived from it are stored with
 * the SHA-256 and the seal, and the reply is sent. Its publication on the public site follows in
 * {@link org.civicflow.domain.publication.ReplyPublishing}.
 */
@Service
public class ReplySigning {

  private final ReplyDrafting drafting;
  private final Publications publications;
  private final Proposals proposals;
  private final DepartmentDirectory departments;
  private final PublicationSeals seals;
  private final AuditLog audit;
  private final ResultCategorySet categories;

  ReplySigning(
      ReplyDrafting drafting,
      Publications publications,
      Proposals proposals,
      DepartmentDirectory departments,
      PublicationSeals seals,
      AuditLog audit,
      ResultCategorySet categories) {
    this.drafting = drafting;
    this.publications = publications;
    this.proposals = proposals;
    this.departments = departments;
    this.seals = seals;
    this.audit = audit;
    this.categories = categories;
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
    publications.storeSigned(p, categories.active().name());
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
              publications.save(p, actor);
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
    Publication p = publications.current(proposalId, department);
    if (p.getRepliedAt() == null) {
      p.markReplied(seals.now());
      publications.save(p, "system");
      audit.record("system", "reply.send", "proposal", String.valueOf(proposalId), department);
    }
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
            .find(publicationId)
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
}
