package org.civicflow.processes;

import static org.civicflow.processes.ProcessVariable.of;

import java.util.List;
import java.util.Set;
import org.civicflow.processes.ProcessVariable.Kind;

/**
 * The inputs and the output of {@code dmn/leadDepartmentRouting.dmn}, the suggested lead
 * department, evaluated in {@code proposalHandling} (its inputs are that instance's variables).
 */
public final class LeadDepartmentRoutingVariables {

  /** Input: the proposal's category, empty for none. */
  public static final String CATEGORY = "category";

  /** Input: the proposal's title (案由). */
  public static final String TITLE = "title";

  /**
   * Output: the suggested department's code. Its value lands in {@link
   * ProposalHandlingVariables#SUGGESTED_LEAD}; the name is also the registrar's plan's {@link
   * ProposalHandlingVariables#LEAD_DEPARTMENT}.
   */
  public static final String LEAD_DEPARTMENT = ProposalHandlingVariables.LEAD_DEPARTMENT;

  /** The decision's inputs and output. */
  public static final List<ProcessVariable> VARIABLES =
      List.of(of(CATEGORY, Kind.DATA), of(TITLE, Kind.DATA), of(LEAD_DEPARTMENT, Kind.DATA));

  /** Variables only the code uses: none. */
  public static final Set<String> CODE_ONLY = Set.of();

  private LeadDepartmentRoutingVariables() {}
}
