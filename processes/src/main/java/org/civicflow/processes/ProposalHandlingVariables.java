package org.civicflow.processes;

import static org.civicflow.processes.ProcessVariable.choice;
import static org.civicflow.processes.ProcessVariable.of;

import java.util.List;
import java.util.Set;
import org.civicflow.processes.ProcessVariable.Kind;

/**
 * The variables of {@code bpmn/proposalHandling.bpmn} (acceptance, assignment, sign-for,
 * reassignment, the departments' handling, closure). Its business rule tasks read the variables of
 * {@link HandlingDeadlineVariables} and {@link LeadDepartmentRoutingVariables}; its call activity
 * passes all of its variables to {@code departmentHandling}.
 */
public final class ProposalHandlingVariables {

  public static final String PROPOSAL_ID = HandlingVariables.PROPOSAL_ID;

  /** The department of a sign-for and of a department's handling (the multi-instance element). */
  public static final String DEPARTMENT = HandlingVariables.DEPARTMENT;

  /** The registrar's acceptance: {@code ACCEPT}, {@code REFUSE} or {@code MERGE}. */
  public static final String ACCEPTANCE_DECISION = "acceptanceDecision";

  /** The proposal a merged one goes into (code only). */
  public static final String MERGE_INTO_ID = "mergeIntoId";

  /** The lead department the routing decision suggests (its result). */
  public static final String SUGGESTED_LEAD = "suggestedLead";

  /** The months of the reply deadline (the deadline decision's result). */
  public static final String DEADLINE_MONTHS = "deadlineMonths";

  /** The registrar's plan (code only): {@code LEAD_CO} or {@code SEPARATE}. */
  public static final String ASSIGNMENT_MODE = "assignmentMode";

  /** The plan's lead department (code only). */
  public static final String LEAD_DEPARTMENT = "leadDepartment";

  /** The plan's co-handling departments, comma-separated (code only). */
  public static final String CO_DEPARTMENT_CODES = "coDepartmentCodes";

  /**
   * The plan's departments handling separately, comma-separated. Code only, and not offered to
   * models: the assignment step writes it for the assignment delegate.
   */
  public static final String SEPARATE_DEPARTMENT_CODES = "separateDepartmentCodes";

  /** A deadline the registrar chose, ISO date text (code only). */
  public static final String REQUESTED_DUE_DATE = "requestedDueDate";

  /** Whether the registrar marked the proposal a key item (code only). */
  public static final String KEY_ITEM = "keyItem";

  /** The end of the sign-for window (a timer date). */
  public static final String SIGN_FOR_DUE_DATE = "signForDueDate";

  /** A department's sign-for: {@code ACCEPT} or {@code REQUEST_REASSIGNMENT}. */
  public static final String SIGN_FOR_DECISION = "signForDecision";

  /** The registrar's decision on a reassignment request: {@code APPROVE} or {@code REFUSE}. */
  public static final String REASSIGNMENT_DECISION = "reassignmentDecision";

  /** Whether a reassignment was approved in this sign-for round. */
  public static final String REASSIGNMENT_APPROVED = "reassignmentApproved";

  /** Passed to each department's handling: whether all co-handling opinions are in. */
  public static final String CO_OPINIONS_COMPLETE = "coOpinionsComplete";

  /** Passed to each department's handling: the handling round (0, then 1 when handled again). */
  public static final String REHANDLING_ROUND = "rehandlingRound";

  /** The variables the model and the code share, and those only offered to edited models. */
  public static final List<ProcessVariable> VARIABLES =
      List.of(
          of(PROPOSAL_ID, Kind.DATA),
          of(HandlingVariables.PROPOSER_USERNAME, Kind.USER).offered(),
          choice(ACCEPTANCE_DECISION, "ACCEPT", "REFUSE", "MERGE"),
          of(MERGE_INTO_ID, Kind.DATA).offered(),
          of(SUGGESTED_LEAD, Kind.DATA),
          of(DEADLINE_MONTHS, Kind.NUMBER),
          of(ASSIGNMENT_MODE, Kind.DATA).offered(),
          of(LEAD_DEPARTMENT, Kind.DATA).offered(),
          of(CO_DEPARTMENT_CODES, Kind.DATA).offered(),
          of(REQUESTED_DUE_DATE, Kind.DATA).offered(),
          of(KEY_ITEM, Kind.BOOLEAN).offered(),
          of(SIGN_FOR_DUE_DATE, Kind.DATE),
          of(DEPARTMENT, Kind.DEPARTMENT),
          choice(SIGN_FOR_DECISION, "ACCEPT", "REQUEST_REASSIGNMENT"),
          choice(REASSIGNMENT_DECISION, "APPROVE", "REFUSE"),
          of(REASSIGNMENT_APPROVED, Kind.BOOLEAN),
          of(CO_OPINIONS_COMPLETE, Kind.BOOLEAN),
          of(REHANDLING_ROUND, Kind.NUMBER));

  /** Variables only the code uses, never offered to models. */
  public static final Set<String> CODE_ONLY = Set.of(SEPARATE_DEPARTMENT_CODES);

  private ProposalHandlingVariables() {}
}
