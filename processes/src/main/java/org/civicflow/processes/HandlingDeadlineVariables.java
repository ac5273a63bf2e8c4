package org.civicflow.processes;

import static org.civicflow.processes.ProcessVariable.choice;
import static org.civicflow.processes.ProcessVariable.of;

import java.util.List;
import java.util.Set;
import org.civicflow.processes.ProcessVariable.Kind;

/**
 * The inputs and the output of {@code dmn/handlingDeadline.dmn}, the reply deadline's months,
 * evaluated in {@code proposalHandling} (its inputs are that instance's variables).
 */
public final class HandlingDeadlineVariables {

  /** Input: {@code SUGGESTION} (a deputy's) or {@code PROPOSAL} (a CPPCC member's). */
  public static final String PROPOSAL_TYPE = "proposalType";

  /** Input: whether the registrar marked the matter complex. */
  public static final String COMPLEX = "complex";

  /** Input: whether the proposal was submitted during the session. */
  public static final String FROM_SESSION = "fromSession";

  /** Output: the months of the reply deadline. */
  public static final String DEADLINE_MONTHS = ProposalHandlingVariables.DEADLINE_MONTHS;

  /**
   * The months of the reply deadline when a model determined none (an edited model without this
   * decision): the decision's last rule, the ordinary deadline.
   */
  public static final int DEFAULT_MONTHS = 3;

  /** The decision's inputs and output. */
  public static final List<ProcessVariable> VARIABLES =
      List.of(
          choice(PROPOSAL_TYPE, "SUGGESTION", "PROPOSAL"),
          of(COMPLEX, Kind.BOOLEAN),
          of(FROM_SESSION, Kind.BOOLEAN),
          of(DEADLINE_MONTHS, Kind.NUMBER));

  /** Variables only the code uses: none. */
  public static final Set<String> CODE_ONLY = Set.of();

  private HandlingDeadlineVariables() {}
}
