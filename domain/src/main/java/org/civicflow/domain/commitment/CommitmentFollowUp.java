package org.civicflow.domain.commitment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.Publications;
import org.civicflow.domain.publication.Seal;
import org.civicflow.domain.reply.Commitment;
import org.civicflow.domain.reply.CommitmentMapper;
import org.civicflow.domain.reply.CommitmentState;
import org.civicflow.domain.reply.Verdict;
import org.civicflow.domain.signoff.ReplySigning;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A commitment of a signed reply followed to delivery: the department reports progress or
 * fulfilment, its reviewer approves or returns the report, its leader signs a fulfilment as a
 * supplementary reply (补充答复), sealed; a date passed without fulfilment makes it overdue.
 */
@Service
public class CommitmentFollowUp {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CommitmentFollowUp.class);

  static final int MAX_TEXT = 20_000;
  static final int MAX_COMMENT = 4000;

  private final CommitmentMapper commitments;
  private final FollowUpMapper followUp;
  private final Publications publications;
  private final SupplementarySeals seals;
  private final AuditLog audit;
  private final Clock clock;

  CommitmentFollowUp(
      CommitmentMapper commitments,
      FollowUpMapper followUp,
      Publications publications,
      SupplementarySeals seals,
      AuditLog audit,
      Clock clock) {
    this.commitments = commitments;
    this.followUp = followUp;
    this.publications = publications;
    this.seals = seals;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Commitment commitment(long id) {
    return commitments.findById(id).orElseThrow(() -> new NotFoundException("commitment", id));
  }

  /** The commitments of the reply a publication signed. */
  @Transactional(readOnly = true)
  public List<Commitment> ofPublication(long publicationId) {
    return commitments.findByPublication(publicationId);
  }

  /** The approved reports on the commitments of a published reply, oldest first. */
  @Transactional(readOnly = true)
  public List<CommitmentReport> approvedReportsOfPublication(long publicationId) {
    return followUp.reportsOfPublication(publicationId).stream()
        .filter(CommitmentReport::approved)
        .toList();
  }

  /**
   * The sent supplementary replies under a published reply whose records still match their seals; a
   * changed one is left out (and reported in the log), never served.
   */
  @Transactional(readOnly = true)
  public List<SupplementaryReply> publishedSupplementaries(long publicationId) {
    return followUp.supplementariesOfPublication(publicationId).stream()
        .filter(s -> s.getSentAt() != null)
        .filter(
            s -> {
              boolean intact = seals.intact(s);
              if (!intact) {
                LOG.error("supplementary reply {} does not match its seal: withheld", s.getId());
              }
              return intact;
            })
        .toList();
  }

  /** The draft version a publication signed. */
  @Transactional(readOnly = true)
  public long draftOf(long publicationId) {
    return followUp
        .draftOfPublication(publicationId)
        .orElseThrow(() -> new NotFoundException("publication", publicationId));
  }

  /** The handler reports progress or fulfilment. */
  @Transactional
  public CommitmentReport report(long commitmentId, ReportKind kind, String text, String actor) {
    new FieldErrors()
        .required("kind", kind)
        .required("text", text)
        .maxLength("text", text, MAX_TEXT)
        .throwIfAny();
    Commitment c = commitment(commitmentId);
    if (c.getState() == CommitmentState.KEPT || c.getState() == CommitmentState.DROPPED) {
      throw new ConflictException("commitment.closed", commitmentId, c.getState());
    }
    CommitmentReport r =
        new CommitmentReport(
            null, commitmentId, kind, text.strip(), ReportState.SUBMITTED, actor, now());
    followUp.insertReport(r);
    audit.record(actor, "commitment.report", "proposal", proposal(c), c.getId() + " " + kind);
    return followUp.latestReport(commitmentId).orElseThrow();
  }

  /** The reviewer's decision on the latest report; a return needs a comment. */
  @Transactional
  public CommitmentReport review(long commitmentId, Verdict verdict, String comment, String actor) {
    checkDecision(verdict, comment);
    CommitmentReport r = latest(commitmentId, ReportState.SUBMITTED);
    ReportState next = verdict == Verdict.APPROVE ? ReportState.APPROVED : ReportState.RETURNED;
    move(r, ReportState.SUBMITTED, next);
    audit.record(
        actor,
        "commitment.review",
        "proposal",
        proposal(commitment(commitmentId)),
        commitmentId + " " + r.kind() + " " + verdict + suffix(comment));
    return r;
  }

  /**
   * The leader signs an approved fulfilment as a supplementary reply (stored, hashed and sealed),
   * or returns it to the handler with a comment.
   */
  @Transactional
  public SupplementaryReply signSupplementary(
      long commitmentId, Verdict verdict, String comment, String actor) {
    checkDecision(verdict, comment);
    Commitment c = commitment(commitmentId);
    CommitmentReport r = latest(commitmentId, ReportState.APPROVED);
    if (r.kind() != ReportKind.KEPT) {
      throw new ConflictException("commitment.noFulfilment", commitmentId);
    }
    if (verdict == Verdict.RETURN) {
      move(r, ReportState.APPROVED, ReportState.RETURNED);
      audit.record(
          actor,
          "commitment.supplementary",
          "proposal",
          proposal(c),
          commitmentId + " RETURN: " + comment.strip());
      return null;
    }
    move(r, ReportState.APPROVED, ReportState.SIGNED);
    Publication original = publicationOf(c);
    String text = ReplySigning.publicTextOf(r.text());
    SupplementaryReply s =
        new SupplementaryReply(
            commitmentId,
            r.id(),
            original.getId(),
            c.getProposalId(),
            c.getDepartmentCode(),
            text,
            Seal.sha256(text),
            actor,
            now());
    try {
      followUp.insertSupplementary(s);
    } catch (DuplicateKeyException twice) {
      throw new ConflictException("commitment.closed", commitmentId, CommitmentState.KEPT);
    }
    seals.seal(s);
    followUp.updateSupplementarySeal(s);
    audit.record(
        actor,
        "commitment.supplementary",
        "proposal",
        proposal(c),
        commitmentId + " APPROVE supplementary " + s.getId() + " " + s.getContentSha256());
    return s;
  }

  /**
   * Sends the signed supplementary reply and marks the commitment kept, once (a retried job does
   * nothing the second time).
   *
   * @return the reply when this call sent it, else {@code null}
   */
  @Transactional
  public SupplementaryReply send(long commitmentId) {
    SupplementaryReply s =
        followUp
            .supplementaryOf(commitmentId)
            .orElseThrow(() -> new NotFoundException("supplementaryReply", commitmentId));
    Instant now = now();
    if (followUp.markSupplementarySent(s.getId(), now) != 1) {
      return null;
    }
    commitments.updateState(
        commitmentId,
        List.of(CommitmentState.OPEN, CommitmentState.OVERDUE),
        CommitmentState.KEPT,
        now);
    audit.record(
        "system",
        "commitment.kept",
        "proposal",
        String.valueOf(s.getProposalId()),
        commitmentId + " supplementary " + s.getId());
    return followUp.supplementaryOf(commitmentId).orElseThrow();
  }

  /**
   * A later reply of the department was sent (after an unsatisfied rating): the open commitments of
   * its earlier replies are superseded by those it lists, and no longer followed.
   *
   * @return the ids of the commitments dropped
   */
  @Transactional
  public List<Long> dropSuperseded(long proposalId, String department, long currentDraftId) {
    List<Long> dropped = new java.util.ArrayList<>();
    for (Commitment c : commitments.findByProposal(proposalId)) {
      if (c.getDepartmentCode().equals(department)
          && c.getDraftId() < currentDraftId
          && commitments.updateState(
                  c.getId(),
                  List.of(CommitmentState.OPEN, CommitmentState.OVERDUE),
                  CommitmentState.DROPPED,
                  null)
              == 1) {
        dropped.add(c.getId());
      }
    }
    if (!dropped.isEmpty()) {
      audit.record(
          "system",
          "commitment.dropped",
          "proposal",
          String.valueOf(proposalId),
          department + " " + dropped + " superseded by a later reply");
    }
    return dropped;
  }

  /** The date passed without fulfilment. */
  @Transactional
  public void markOverdue(long commitmentId) {
    if (commitments.updateState(
            commitmentId, List.of(CommitmentState.OPEN), CommitmentState.OVERDUE, null)
        == 1) {
      Commitment c = commitment(commitmentId);
      audit.record(
          "system",
          "commitment.overdue",
          "proposal",
          proposal(c),
          c.getId() + " " + c.getDueDate());
    }
  }

  /** The registrar's supervision of an overdue commitment (督办). */
  @Transactional
  public void supervise(long commitmentId, String comment, String actor) {
    new FieldErrors()
        .required("comment", comment)
        .maxLength("comment", comment, MAX_COMMENT)
        .throwIfAny();
    Commitment c = commitment(commitmentId);
    audit.record(
        actor, "commitment.supervise", "proposal", proposal(c), c.getId() + ": " + comment.strip());
  }

  /** Whether every commitment of the department's current reply is kept. */
  @Transactional(readOnly = true)
  public boolean allKept(long proposalId, String department) {
    Publication p = publications.current(proposalId, department);
    List<Commitment> all = commitments.findByPublication(p.getId());
    return !all.isEmpty() && all.stream().allMatch(c -> c.getState() == CommitmentState.KEPT);
  }

  private Publication publicationOf(Commitment c) {
    Publication p = publications.current(c.getProposalId(), c.getDepartmentCode());
    if (p.getDraftId() != c.getDraftId()) {
      throw new ConflictException("commitment.closed", c.getId(), CommitmentState.DROPPED);
    }
    return p;
  }

  private CommitmentReport latest(long commitmentId, ReportState expected) {
    CommitmentReport r =
        followUp
            .latestReport(commitmentId)
            .orElseThrow(() -> new NotFoundException("commitmentReport", commitmentId));
    if (r.state() != expected) {
      throw new ConflictException("commitment.reportNotAwaiting", commitmentId, r.state());
    }
    return r;
  }

  private void move(CommitmentReport r, ReportState from, ReportState to) {
    if (followUp.updateReportState(r.id(), from, to) != 1) {
      throw new ConflictException("commitment.reportNotAwaiting", r.commitmentId(), from);
    }
  }

  private static void checkDecision(Verdict verdict, String comment) {
    FieldErrors errors =
        new FieldErrors().required("decision", verdict).maxLength("comment", comment, MAX_COMMENT);
    if (verdict == Verdict.RETURN) {
      errors.required("comment", comment);
    }
    errors.throwIfAny();
  }

  private static String proposal(Commitment c) {
    return String.valueOf(c.getProposalId());
  }

  private static String suffix(String comment) {
    return comment == null || comment.isBlank() ? "" : ": " + comment.strip();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
