package org.civicflow.processes;

import static org.civicflow.processes.ProcessVariable.choice;
import static org.civicflow.processes.ProcessVariable.of;

import java.util.List;
import java.util.Set;
import org.civicflow.processes.ProcessVariable.Kind;

/**
 * The variables of {@code bpmn/commitmentFollowUp.bpmn}: the follow-up of one commitment a reply
 * made (progress reports, their review, the supplementary reply, supervision, the result category).
 */
public final class CommitmentFollowUpVariables {

  /** The proposal whose reply made the commitment (code only). */
  public static final String PROPOSAL_ID = HandlingVariables.PROPOSAL_ID;

  /** The department that made the commitment: its groups are the candidates. */
  public static final String DEPARTMENT = HandlingVariables.DEPARTMENT;

  /** The commitment followed (code only: it identifies the instance). */
  public static final String COMMITMENT_ID = "commitmentId";

  /** The commitment's due date: the instant the overdue timer fires. */
  public static final String COMMITMENT_DUE_DATE = "commitmentDueDate";

  /** The first reminder's instant. */
  public static final String COMMITMENT_REMINDER_1_AT = "commitmentReminder1At";

  /** The second reminder's instant. */
  public static final String COMMITMENT_REMINDER_2_AT = "commitmentReminder2At";

  /** What the department reports: {@code PROGRESS} or {@code KEPT}. */
  public static final String COMMITMENT_REPORT_KIND = "commitmentReportKind";

  /** The review of a report: {@code APPROVE} or {@code RETURN}. */
  public static final String COMMITMENT_REVIEW_DECISION = "commitmentReviewDecision";

  /** The leader's sign-off of the supplementary reply: {@code APPROVE} or {@code RETURN}. */
  public static final String SUPPLEMENTARY_DECISION = "supplementaryDecision";

  /** Whether every commitment of the proposal is kept. */
  public static final String ALL_COMMITMENTS_KEPT = "allCommitmentsKept";

  /** The variables the model and the code share, and those only offered to edited models. */
  public static final List<ProcessVariable> VARIABLES =
      List.of(
          of(PROPOSAL_ID, Kind.DATA).offered(),
          of(DEPARTMENT, Kind.DEPARTMENT),
          of(COMMITMENT_ID, Kind.DATA).offered(),
          of(COMMITMENT_DUE_DATE, Kind.DATE),
          of(COMMITMENT_REMINDER_1_AT, Kind.DATE),
          of(COMMITMENT_REMINDER_2_AT, Kind.DATE),
          choice(COMMITMENT_REPORT_KIND, "PROGRESS", "KEPT"),
          choice(COMMITMENT_REVIEW_DECISION, "APPROVE", "RETURN"),
          choice(SUPPLEMENTARY_DECISION, "APPROVE", "RETURN"),
          of(ALL_COMMITMENTS_KEPT, Kind.BOOLEAN));

  /** Variables only the code uses, never offered to models: none. */
  public static final Set<String> CODE_ONLY = Set.of();

  private CommitmentFollowUpVariables() {}
}
