package org.civicflow.engine.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * Everything about one proposal that its viewer may see ({@link ProposalView}). Proposers get their
 * own view: the status, the sent replies and their ratings, without the departments' drafts and
 * comments; a department sees its own work, not another department's.
 *
 * @param internal whether the viewer sees internal records (its own department's, or all)
 */
public record ProposalDetail(
    long id,
    String session,
    String number,
    String type,
    String title,
    String content,
    String category,
    String proposer,
    String proposerUsername,
    List<String> coSigners,
    String delegation,
    Instant submittedAt,
    String status,
    String statusReason,
    Long mergedIntoId,
    boolean keyItem,
    boolean internal,
    List<ActiveTask> activeTasks,
    List<AssignmentView> assignments,
    List<DraftView> drafts,
    List<OpinionView> coOpinions,
    List<TimelineEntry> timeline,
    PublicationView publication,
    List<PublicationView> publications,
    List<FeedbackView> feedback,
    List<CommitmentView> commitments,
    List<ResultCategoryView> resultCategories) {

  /** An open step and who is on it. */
  public record ActiveTask(
      String id,
      String key,
      String name,
      String department,
      String assignee,
      Date dueDate,
      Date created) {}

  /** One department's assignment. */
  public record AssignmentView(
      String department,
      String departmentName,
      String role,
      String state,
      String stage,
      int round,
      LocalDate dueDate,
      LocalDate signForDueDate,
      boolean overdue,
      Instant assignedAt,
      Instant signedForAt,
      String signedForBy,
      int extensionCount,
      String reassignmentReason) {}

  /** One draft version with the decisions on it. */
  public record DraftView(
      String department,
      int version,
      int round,
      String text,
      String category,
      String contactMethod,
      String contactNote,
      String disclosure,
      String nonDisclosureReason,
      String state,
      String author,
      Instant submittedAt,
      List<DecisionView> decisions,
      List<CommitmentView> commitments) {}

  /**
   * A commitment (承诺事项) of a reply: what, by when, how one will know, and where it stands. In a
   * draft version its state is that of the version's text; those of signed replies are followed.
   */
  public record CommitmentView(
      long id,
      String text,
      LocalDate dueDate,
      String measure,
      String department,
      String state,
      List<CommitmentReportView> reports,
      SupplementaryReplyView supplementaryReply) {}

  /**
   * A report on a commitment: progress (进展) or fulfilment (兑现); {@code state} and {@code by} only
   * for the department's own work and the registrar's office.
   */
  public record CommitmentReportView(
      Instant at, String kind, String text, String by, String state) {}

  /** The supplementary reply (补充答复) that confirmed a kept commitment. */
  public record SupplementaryReplyView(
      long id, String text, String contentSha256, Instant signedAt, Instant sentAt) {}

  /** The registrar's decision on a reply's result category after its commitments were kept. */
  public record ResultCategoryView(
      String department,
      String fromCategory,
      String toCategory,
      String comment,
      String decidedBy,
      Instant decidedAt) {}

  /** A reviewer's or leader's decision. */
  public record DecisionView(
      String stage, String decision, String comment, String by, Instant at) {}

  /** A co-handling department's opinion (or its absence). */
  public record OpinionView(
      String department, String opinion, boolean missing, String author, Instant submittedAt) {}

  /** One line of the history: who did what when. */
  public record TimelineEntry(Instant at, String actor, String kind, String code, String detail) {}

  /** A signed reply and where it stands on the public site. */
  public record PublicationView(
      long id,
      String department,
      String departmentName,
      String state,
      String replyText,
      String contentSha256,
      Instant signedAt,
      String signedBy,
      Instant repliedAt,
      Instant publishedAt,
      long readCount,
      String withdrawalReason) {}

  /** The proposer's rating of one department's reply in one round. */
  public record FeedbackView(
      String department,
      int round,
      String workRating,
      String resultRating,
      String comment,
      Instant givenAt) {}
}
