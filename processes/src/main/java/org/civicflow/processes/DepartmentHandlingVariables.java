package org.civicflow.processes;

import static org.civicflow.processes.ProcessVariable.choice;
import static org.civicflow.processes.ProcessVariable.of;

import java.util.List;
import java.util.Set;
import org.civicflow.processes.ProcessVariable.Kind;

/**
 * The variables of {@code bpmn/departmentHandling.bpmn}: one department's handling (co-handling
 * opinions, drafting, review, sign-off, sending, disclosure, rating, a second round, reminders,
 * extension, supervision). It receives all of {@code proposalHandling}'s variables.
 */
public final class DepartmentHandlingVariables {

  public static final String PROPOSAL_ID = HandlingVariables.PROPOSAL_ID;

  /** The handling department: its groups are the candidates of its steps. */
  public static final String DEPARTMENT = HandlingVariables.DEPARTMENT;

  /** The co-handling department of one opinion (the multi-instance element). */
  public static final String CO_DEPARTMENT = "coDepartment";

  /** The proposer, who rates the reply (the rating's assignee). */
  public static final String PROPOSER_USERNAME = HandlingVariables.PROPOSER_USERNAME;

  /** The reply deadline: the instant the overdue timer fires. */
  public static final String DUE_DATE = "dueDate";

  /** The first reminder's instant. */
  public static final String REMINDER_1_AT = "reminder1At";

  /** The second reminder's instant. */
  public static final String REMINDER_2_AT = "reminder2At";

  /** The co-handling opinions' deadline. */
  public static final String CO_OPINION_DUE_DATE = "coOpinionDueDate";

  /** Whether all co-handling opinions are in. */
  public static final String CO_OPINIONS_COMPLETE = ProposalHandlingVariables.CO_OPINIONS_COMPLETE;

  /** The draft's disclosure: {@code PUBLIC} or {@code NOT_PUBLIC}. */
  public static final String DISCLOSURE = "disclosure";

  /** The department's review: {@code APPROVE} or {@code RETURN}. */
  public static final String REVIEW_DECISION = "reviewDecision";

  /** The leader's sign-off: {@code APPROVE} or {@code RETURN}. */
  public static final String SIGN_OFF_DECISION = "signOffDecision";

  /** The registrar's check of a non-disclosure: {@code CONFIRM} or {@code PUBLISH}. */
  public static final String NON_DISCLOSURE_DECISION = "nonDisclosureDecision";

  /** The date a department asks to extend to, ISO date text (code only). */
  public static final String REQUESTED_EXTENSION_DATE = "requestedExtensionDate";

  /** Why the department asks for an extension (code only). */
  public static final String EXTENSION_REASON = "extensionReason";

  /** The registrar's decision on an extension: {@code APPROVE} or {@code REFUSE}. */
  public static final String EXTENSION_DECISION = "extensionDecision";

  /** The extended deadline the registrar approved, ISO date text (code only). */
  public static final String APPROVED_DUE_DATE = "approvedDueDate";

  /** The proposer's rating of the result. */
  public static final String RESULT_RATING = "resultRating";

  /** The proposer's rating of the department's work (code only). */
  public static final String WORK_RATING = "workRating";

  /** The handling round: 0, then 1 when handled again after an unsatisfied rating. */
  public static final String REHANDLING_ROUND = ProposalHandlingVariables.REHANDLING_ROUND;

  /** The variables the model and the code share, and those only offered to edited models. */
  public static final List<ProcessVariable> VARIABLES =
      List.of(
          of(PROPOSAL_ID, Kind.DATA),
          of(DEPARTMENT, Kind.DEPARTMENT),
          of(CO_DEPARTMENT, Kind.DEPARTMENT),
          of(PROPOSER_USERNAME, Kind.USER),
          of(DUE_DATE, Kind.DATE),
          of(REMINDER_1_AT, Kind.DATE),
          of(REMINDER_2_AT, Kind.DATE),
          of(CO_OPINION_DUE_DATE, Kind.DATE),
          of(CO_OPINIONS_COMPLETE, Kind.BOOLEAN),
          choice(DISCLOSURE, "PUBLIC", "NOT_PUBLIC"),
          choice(REVIEW_DECISION, "APPROVE", "RETURN"),
          choice(SIGN_OFF_DECISION, "APPROVE", "RETURN"),
          choice(NON_DISCLOSURE_DECISION, "CONFIRM", "PUBLISH"),
          of(REQUESTED_EXTENSION_DATE, Kind.DATA).offered(),
          of(EXTENSION_REASON, Kind.DATA).offered(),
          choice(EXTENSION_DECISION, "APPROVE", "REFUSE"),
          of(APPROVED_DUE_DATE, Kind.DATA).offered(),
          choice(RESULT_RATING, "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"),
          choice(WORK_RATING, "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED").offered(),
          of(REHANDLING_ROUND, Kind.NUMBER));

  /** Variables only the code uses, never offered to models: none. */
  public static final Set<String> CODE_ONLY = Set.of();

  private DepartmentHandlingVariables() {}
}
