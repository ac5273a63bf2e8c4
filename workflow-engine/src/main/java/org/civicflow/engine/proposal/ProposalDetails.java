package org.civicflow.engine.proposal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.commitment.CommitmentReport;
import org.civicflow.domain.commitment.FollowUpMapper;
import org.civicflow.domain.commitment.ResultCategories;
import org.civicflow.domain.commitment.SupplementaryReply;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.feedback.FeedbackRecording;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.publication.Publication;
import org.civicflow.domain.publication.PublicationState;
import org.civicflow.domain.publication.Publications;
import org.civicflow.domain.reply.Commitment;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.engine.proposal.ProposalDetail.AssignmentView;
import org.civicflow.engine.proposal.ProposalDetail.CommitmentReportView;
import org.civicflow.engine.proposal.ProposalDetail.CommitmentView;
import org.civicflow.engine.proposal.ProposalDetail.DecisionView;
import org.civicflow.engine.proposal.ProposalDetail.DraftView;
import org.civicflow.engine.proposal.ProposalDetail.FeedbackView;
import org.civicflow.engine.proposal.ProposalDetail.OpinionView;
import org.civicflow.engine.proposal.ProposalDetail.PublicationView;
import org.civicflow.engine.proposal.ProposalDetail.ResultCategoryView;
import org.civicflow.engine.proposal.ProposalDetail.SupplementaryReplyView;
import org.civicflow.engine.task.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a proposal's detail from the domain, the running tasks and the audit log — as much of
 * it as the caller may see ({@link ProposalView}).
 */
@Service
public class ProposalDetails {

  private final ProposalAccess access;
  private final AssignmentManagement assignments;
  private final ReplyDrafting drafting;
  private final Publications publicationRecords;
  private final FeedbackRecording feedback;
  private final DepartmentDirectory departments;
  private final ProposalTimeline timeline;
  private final ProposalActiveTasks activeTasks;
  private final Clock clock;
  private final FollowUpMapper followUp;
  private final ResultCategories categories;

  ProposalDetails(
      ProposalAccess access,
      AssignmentManagement assignments,
      ReplyDrafting drafting,
      Publications publicationRecords,
      FeedbackRecording feedback,
      DepartmentDirectory departments,
      ProposalTimeline timeline,
      ProposalActiveTasks activeTasks,
      Clock clock,
      FollowUpMapper followUp,
      ResultCategories categories) {
    this.followUp = followUp;
    this.categories = categories;
    this.access = access;
    this.assignments = assignments;
    this.drafting = drafting;
    this.publicationRecords = publicationRecords;
    this.feedback = feedback;
    this.departments = departments;
    this.timeline = timeline;
    this.activeTasks = activeTasks;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ProposalDetail of(long id, Caller caller) {
    Proposal p = access.visible(id, caller);
    ProposalView view = access.view(p, caller);
    Map<String, String> names =
        departments.all().stream().collect(Collectors.toMap(Department::code, Department::name));
    LocalDate today = LocalDate.now(clock);
    List<AssignmentView> assignmentViews =
        assignments.of(id).stream()
            .filter(a -> view.seesWorkOf(a.getDepartmentCode()) || view.seesAt(a.getAssignedAt()))
            .map(
                a -> {
                  boolean own = view.seesWorkOf(a.getDepartmentCode());
                  return new AssignmentView(
                      a.getDepartmentCode(),
                      names.get(a.getDepartmentCode()),
                      a.getRole().name(),
                      a.getState().name(),
                      a.getStage() == null ? null : a.getStage().name(),
                      a.getRound(),
                      a.getDueDate(),
                      a.getSignForDueDate(),
                      a.isOverdue(today),
                      a.getAssignedAt(),
                      a.getSignedForAt(),
                      own ? a.getSignedForBy() : null,
                      a.getExtensionCount(),
                      own ? a.getReassignmentReason() : null);
                })
            .toList();
    List<Publication> signedReplies =
        publicationRecords.of(id).stream()
            .filter(pub -> view.seesReply(pub.getDepartmentCode(), pub.getRepliedAt() != null))
            .toList();
    List<PublicationView> publications =
        signedReplies.stream()
            .map(pub -> publicationView(pub, view.seesWorkOf(pub.getDepartmentCode())))
            .toList();
    PublicationView publication =
        publications.stream()
            .filter(v -> PublicationState.PUBLISHED.name().equals(v.state()))
            .findFirst()
            .orElse(
                publications.stream()
                    .filter(v -> !PublicationState.VOIDED.name().equals(v.state()))
                    .reduce((a, b) -> b)
                    .orElse(null));
    Map<Long, List<CommitmentView>> commitments = commitmentsByDraft(id, view);
    List<CommitmentView> replyCommitments =
        signedReplies.stream()
            .filter(pub -> pub.getState() != PublicationState.VOIDED)
            .flatMap(pub -> commitments.getOrDefault(pub.getDraftId(), List.of()).stream())
            .toList();
    return new ProposalDetail(
        p.getId(),
        p.getSessionName(),
        p.getNumber(),
        p.getType().name(),
        p.getTitle(),
        p.getContent(),
        p.getCategory(),
        p.getProposer(),
        p.getProposerUsername(),
        p.getCoSigners(),
        p.getDelegation(),
        p.getSubmittedAt(),
        p.getStatus().name(),
        p.getStatusReason(),
        p.getMergedIntoId(),
        p.isKeyItem(),
        view.internal(),
        view.internal() ? activeTasks.of(id, view) : List.of(),
        assignmentViews,
        drafts(id, view, commitments),
        opinions(id, view),
        timeline.of(id, view),
        publication,
        publications,
        feedback(id, view),
        replyCommitments,
        resultCategories(id, view));
  }

  /** The commitments of the drafts whose department's work or reply the viewer sees. */
  private Map<Long, List<CommitmentView>> commitmentsByDraft(long id, ProposalView view) {
    Map<Long, List<CommitmentReport>> reports =
        followUp.reportsOfProposal(id).stream()
            .collect(Collectors.groupingBy(CommitmentReport::commitmentId));
    Map<Long, SupplementaryReply> supplementary =
        followUp.supplementariesOfProposal(id).stream()
            .collect(Collectors.toMap(SupplementaryReply::getCommitmentId, s -> s));
    return drafting.commitments(id).stream()
        .filter(
            c ->
                view.seesWorkOf(c.getDepartmentCode())
                    || view.seesReply(c.getDepartmentCode(), true))
        .collect(
            Collectors.groupingBy(
                Commitment::getDraftId,
                java.util.LinkedHashMap::new,
                Collectors.mapping(
                    c -> commitmentView(c, view, reports, supplementary), Collectors.toList())));
  }

  private static CommitmentView commitmentView(
      Commitment c,
      ProposalView view,
      Map<Long, List<CommitmentReport>> reports,
      Map<Long, SupplementaryReply> supplementary) {
    boolean own = view.seesWorkOf(c.getDepartmentCode());
    SupplementaryReply s = supplementary.get(c.getId());
    return new CommitmentView(
        c.getId(),
        c.getText(),
        c.getDueDate(),
        c.getMeasure(),
        c.getDepartmentCode(),
        c.getState().name(),
        reports.getOrDefault(c.getId(), List.of()).stream()
            .filter(r -> own || r.approved())
            .map(
                r ->
                    new CommitmentReportView(
                        r.reportedAt(),
                        r.kind().name(),
                        r.text(),
                        own ? r.reportedBy() : null,
                        own ? r.state().name() : null))
            .toList(),
        s == null || (s.getSentAt() == null && !own)
            ? null
            : new SupplementaryReplyView(
                s.getId(),
                s.getPublicText(),
                s.getContentSha256(),
                s.getSignedAt(),
                s.getSentAt()));
  }

  private List<ResultCategoryView> resultCategories(long id, ProposalView view) {
    return categories.ofProposal(id).stream()
        .filter(
            d -> view.seesWorkOf(d.departmentCode()) || view.seesReply(d.departmentCode(), true))
        .map(
            d ->
                new ResultCategoryView(
                    d.departmentCode(),
                    d.fromCategory(),
                    d.toCategory(),
                    d.comment(),
                    d.decidedBy(),
                    d.decidedAt()))
        .toList();
  }

  private List<DraftView> drafts(
      long id, ProposalView view, Map<Long, List<CommitmentView>> commitments) {
    if (!view.internal()) {
      return List.of();
    }
    return drafting.all(id).stream()
        .filter(d -> view.seesWorkOf(d.getDepartmentCode()))
        .map(
            d ->
                new DraftView(
                    d.getDepartmentCode(),
                    d.getVersion(),
                    d.getRound(),
                    d.getReplyText(),
                    d.getCategory().code(),
                    d.getContactMethod().name(),
                    d.getContactNote(),
                    d.getDisclosure().name(),
                    d.getNonDisclosureReason(),
                    d.getState().name(),
                    d.getAuthor(),
                    d.getSubmittedAt(),
                    d.getDecisions().stream()
                        .map(
                            x ->
                                new DecisionView(
                                    x.stage().name(),
                                    x.verdict().name(),
                                    x.comment(),
                                    x.decidedBy(),
                                    x.decidedAt()))
                        .toList(),
                    commitments.getOrDefault(d.getId(), List.of())))
        .toList();
  }

  private List<OpinionView> opinions(long id, ProposalView view) {
    if (!view.internal()) {
      return List.of();
    }
    return drafting.opinions(id).stream()
        .filter(o -> view.seesOpinionOf(o.departmentCode()))
        .map(
            o ->
                new OpinionView(
                    o.departmentCode(), o.opinion(), o.missing(), o.author(), o.submittedAt()))
        .toList();
  }

  /** The proposer's ratings of the replies the viewer sees as sent. */
  private List<FeedbackView> feedback(long id, ProposalView view) {
    return feedback.of(id).stream()
        .filter(f -> view.seesReply(f.departmentCode(), true) && view.seesAt(f.givenAt()))
        .map(
            f ->
                new FeedbackView(
                    f.departmentCode(),
                    f.round(),
                    f.workRating() == null ? null : f.workRating().name(),
                    f.resultRating() == null ? null : f.resultRating().name(),
                    f.comment(),
                    f.givenAt()))
        .toList();
  }

  private static PublicationView publicationView(Publication p, boolean ownWork) {
    return new PublicationView(
        p.getId(),
        p.getDepartmentCode(),
        p.getDepartmentName(),
        p.getState().name(),
        p.getSignedText(),
        p.getContentSha256(),
        p.getSignedAt(),
        ownWork ? p.getSignedBy() : null,
        p.getRepliedAt(),
        p.getPublishedAt(),
        p.getReadCount(),
        p.getWithdrawalReason());
  }
}
