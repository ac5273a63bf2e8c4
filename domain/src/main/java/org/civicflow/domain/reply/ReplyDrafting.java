package org.civicflow.domain.reply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.assignment.HandlingStage;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.resultcategory.CategoryScheme;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting a reply: every submission is a new version; the reviewer and the signing leader approve
 * or return it with a comment; the handler may withdraw a draft nobody has reviewed yet.
 */
@Service
public class ReplyDrafting {

  static final int MAX_TEXT = 100_000;
  static final int MAX_NOTE = 1000;
  static final int MAX_COMMENT = 4000;
  static final int MAX_COMMITMENTS = 20;
  static final int MAX_COMMITMENT_TEXT = 2000;

  private final ReplyDraftMapper drafts;
  private final AssignmentManagement assignments;
  private final AuditLog audit;
  private final Clock clock;
  private final SeparationOfDuties separation;
  private final CommitmentMapper commitments;
  private final ResultCategorySet categories;

  ReplyDrafting(
      ReplyDraftMapper drafts,
      AssignmentManagement assignments,
      AuditLog audit,
      Clock clock,
      SeparationOfDuties separation,
      CommitmentMapper commitments,
      ResultCategorySet categories) {
    this.drafts = drafts;
    this.assignments = assignments;
    this.audit = audit;
    this.clock = clock;
    this.separation = separation;
    this.commitments = commitments;
    this.categories = categories;
  }

  /**
   * Checks a draft without saving it against the result categories in use, its commitments' dates
   * against today; every problem is named by its field ({@code category}, {@code commitments},
   * {@code commitments[0].dueDate}).
   */
  @Transactional(readOnly = true)
  public void check(DraftInput in) {
    validate(in, categories.active(), LocalDate.now(clock));
  }

  /**
   * Checks a draft without saving it: its category against {@code scheme} (an unknown or retired
   * code is refused, commitments are required for a category that requires them and refused for any
   * other), its commitments' dates against {@code today} (unless null); every problem is named by
   * its field ({@code category}, {@code commitments}, {@code commitments[0].dueDate}).
   */
  public static void validate(DraftInput in, CategoryScheme scheme, LocalDate today) {
    FieldErrors errors =
        new FieldErrors()
            .required("replyText", in.replyText())
            .maxLength("replyText", in.replyText(), MAX_TEXT)
            .required("category", in.category())
            .required("contactMethod", in.contactMethod())
            .maxLength("contactNote", in.contactNote(), MAX_NOTE)
            .required("disclosure", in.disclosure())
            .maxLength("nonDisclosureReason", in.nonDisclosureReason(), MAX_NOTE);
    if (in.contactMethod() != null && in.contactMethod() != ContactMethod.NONE) {
      errors.required("contactNote", in.contactNote());
    }
    if (in.disclosure() == Disclosure.NOT_PUBLIC) {
      errors.required("nonDisclosureReason", in.nonDisclosureReason());
    }
    String code = in.category() == null ? null : in.category().code();
    boolean known = code != null && scheme.contains(code);
    if (code != null && !known) {
      errors.add("category", "validation.category.inactive");
    }
    checkCommitments(in, known && scheme.requiresCommitments(code), known, today, errors);
    errors.throwIfAny();
  }

  private static void checkCommitments(
      DraftInput in, boolean promising, boolean known, LocalDate today, FieldErrors errors) {
    List<CommitmentInput> list = in.commitments();
    if (promising) {
      errors.required("commitments", list);
    } else if (known && !list.isEmpty()) {
      errors.add("commitments", "validation.commitments.notAllowed");
    }
    errors.check(list.size() <= MAX_COMMITMENTS, "commitments", "validation.commitments.tooMany");
    for (int i = 0; i < list.size(); i++) {
      CommitmentInput c = list.get(i);
      String at = "commitments[" + i + "].";
      errors
          .required(at + "text", c.text())
          .maxLength(at + "text", c.text(), MAX_COMMITMENT_TEXT)
          .required(at + "dueDate", c.dueDate())
          .required(at + "measure", c.measure())
          .maxLength(at + "measure", c.measure(), MAX_NOTE);
      if (today != null && c.dueDate() != null && !c.dueDate().isAfter(today)) {
        errors.add(at + "dueDate", "validation.commitments.dueDateNotAfterToday");
      }
    }
  }

  /** Submits the next version of the department's draft for review. */
  @Transactional
  public ReplyDraft submit(long proposalId, String department, DraftInput input, String author) {
    check(input);
    drafts
        .findLatest(proposalId, department)
        .ifPresent(
            latest -> {
              if (latest.getState() == DraftState.SUBMITTED
                  || latest.getState() == DraftState.REVIEWED) {
                throw new ConflictException("draft.pendingReview", latest.getVersion());
              }
            });
    int round = assignments.open(proposalId, department).getRound();
    int version = drafts.maxVersion(proposalId, department) + 1;
    DraftInput clean =
        new DraftInput(
            input.replyText().strip(),
            input.category(),
            input.contactMethod(),
            blankToNull(input.contactNote()),
            input.disclosure(),
            blankToNull(input.nonDisclosureReason()),
            input.commitments().stream()
                .map(c -> new CommitmentInput(c.text().strip(), c.dueDate(), c.measure().strip()))
                .toList());
    ReplyDraft draft =
        new ReplyDraft(proposalId, department, version, round, clean, author, clock.instant());
    try {
      drafts.insert(draft);
    } catch (DuplicateKeyException concurrent) {
      throw new ConflictException("draft.concurrentSubmission", version);
    }
    for (int i = 0; i < clean.commitments().size(); i++) {
      commitments.insert(new Commitment(draft, i + 1, clean.commitments().get(i)));
    }
    assignments.advance(proposalId, department, HandlingStage.IN_REVIEW, author);
    audit.record(
        author,
        "draft.submit",
        "proposal",
        String.valueOf(proposalId),
        department
            + " v"
            + version
            + " "
            + input.category()
            + " "
            + input.disclosure()
            + (clean.commitments().isEmpty() ? "" : " commitments " + clean.commitments().size()));
    return draft;
  }

  /** The handler takes back a submitted draft before it was reviewed (撤回). */
  @Transactional
  public ReplyDraft withdraw(long proposalId, String department, String actor) {
    ReplyDraft latest = latest(proposalId, department);
    latest.withdraw();
    if (drafts.updateState(latest.getId(), DraftState.SUBMITTED, DraftState.WITHDRAWN) != 1) {
      throw new ConflictException(
          "draft.notWithdrawable", latest.getVersion(), DraftState.REVIEWED);
    }
    assignments.advance(proposalId, department, HandlingStage.DRAFTING, actor);
    audit.record(
        actor,
        "draft.withdraw",
        "proposal",
        String.valueOf(proposalId),
        department + " v" + latest.getVersion());
    return latest;
  }

  /**
   * The reviewer's or the signing leader's decision on the latest draft. A return needs a comment
   * and sends the department back to drafting. The separation of duties applies (the author does
   * not decide on their own version, nobody decides twice on one version).
   *
   * @param step the model's task deciding; each step decides a draft version once
   * @throws SeparationOfDutiesException the actor wrote or already approved this version
   */
  @Transactional
  public ReplyDraft decide(
      long proposalId,
      String department,
      ReviewStage stage,
      String step,
      Verdict verdict,
      String comment,
      String actor) {
    FieldErrors errors =
        new FieldErrors().required("decision", verdict).maxLength("comment", comment, MAX_COMMENT);
    if (verdict == Verdict.RETURN) {
      errors.required("comment", comment);
    }
    errors.throwIfAny();
    ReplyDraft latest = latest(proposalId, department);
    DraftState before = latest.getState();
    if (step != null && latest.getDecisions().stream().anyMatch(d -> step.equals(d.step()))) {
      // this step has decided this version: a second completion of the same task (two nodes, a
      // double click) that lost the race — a conflict, not a second approval by one person
      throw new ConflictException("draft.notAwaitingDecision", latest.getVersion(), before);
    }
    latest.decide(stage, verdict);
    separation.check(latest, stage, actor);
    if (drafts.updateState(latest.getId(), before, latest.getState()) != 1) {
      throw new ConflictException("draft.notAwaitingDecision", latest.getVersion(), before);
    }
    try {
      drafts.insertDecision(
          new DraftDecision(
              null,
              latest.getId(),
              stage,
              step,
              verdict,
              blankToNull(comment),
              actor,
              clock.instant()));
    } catch (DuplicateKeyException concurrent) {
      throw new ConflictException("draft.notAwaitingDecision", latest.getVersion(), before);
    }
    if (verdict == Verdict.RETURN) {
      assignments.advance(proposalId, department, HandlingStage.DRAFTING, actor);
    }
    audit.record(
        actor,
        "draft." + (stage == ReviewStage.REVIEW ? "review" : "signOff"),
        "proposal",
        String.valueOf(proposalId),
        department
            + " v"
            + latest.getVersion()
            + " "
            + verdict
            + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()));
    return latest;
  }

  /** A co-handling department's written opinion to the lead department. */
  @Transactional
  public CoHandlingOpinion submitOpinion(
      long proposalId, String department, String opinion, String actor) {
    new FieldErrors()
        .required("opinion", opinion)
        .maxLength("opinion", opinion, MAX_TEXT)
        .throwIfAny();
    CoHandlingOpinion o =
        new CoHandlingOpinion(
            null, proposalId, department, opinion.strip(), false, actor, clock.instant());
    try {
      drafts.insertOpinion(o);
    } catch (DuplicateKeyException twice) {
      throw new ConflictException("coOpinion.duplicate", department);
    }
    assignments.complete(proposalId, department, actor);
    audit.record(actor, "coOpinion.submit", "proposal", String.valueOf(proposalId), department);
    return o;
  }

  /** The month passed without an opinion: recorded as missing, the lead goes on without it. */
  @Transactional
  public void recordMissingOpinion(long proposalId, String department) {
    boolean exists =
        drafts.findOpinions(proposalId).stream()
            .anyMatch(o -> o.departmentCode().equals(department));
    if (!exists) {
      drafts.insertOpinion(
          new CoHandlingOpinion(null, proposalId, department, null, true, null, clock.instant()));
      assignments.complete(proposalId, department, "system");
      audit.record(
          "system", "coOpinion.missing", "proposal", String.valueOf(proposalId), department);
    }
  }

  @Transactional(readOnly = true)
  public ReplyDraft latest(long proposalId, String department) {
    return drafts
        .findLatest(proposalId, department)
        .orElseThrow(() -> new NotFoundException("draft", proposalId + "/" + department));
  }

  @Transactional(readOnly = true)
  public java.util.Optional<ReplyDraft> version(long proposalId, String department, int version) {
    return drafts.findVersion(proposalId, department, version);
  }

  @Transactional(readOnly = true)
  public List<ReplyDraft> all(long proposalId) {
    return drafts.findByProposal(proposalId);
  }

  /** The commitments written in every draft version of the proposal, by draft and order. */
  @Transactional(readOnly = true)
  public List<Commitment> commitments(long proposalId) {
    return commitments.findByProposal(proposalId);
  }

  /** The commitments written in one draft version. */
  @Transactional(readOnly = true)
  public List<Commitment> commitmentsOf(long draftId) {
    return commitments.findByDraft(draftId);
  }

  @Transactional(readOnly = true)
  public List<CoHandlingOpinion> opinions(long proposalId) {
    return drafts.findOpinions(proposalId);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
