package org.civicflow.processes;

import static org.civicflow.processes.ProcessVariable.of;

import java.util.List;
import java.util.Set;
import org.civicflow.processes.ProcessVariable.Kind;

/**
 * The variables of {@code bpmn/preSessionCheck.bpmn}: the pre-session check (落实情况督查) of the open
 * commitments before the next session, one instance per session date.
 */
public final class PreSessionCheckVariables {

  /** The date of the next session, {@code YYYY-MM-DD} (code only: it identifies the instance). */
  public static final String NEXT_SESSION_DATE = "nextSessionDate";

  /** The instant the check starts: the session date less the lead time, in the morning. */
  public static final String PRE_SESSION_CHECK_AT = "preSessionCheckAt";

  /** The variables the model and the code share. */
  public static final List<ProcessVariable> VARIABLES =
      List.of(of(NEXT_SESSION_DATE, Kind.DATA).offered(), of(PRE_SESSION_CHECK_AT, Kind.DATE));

  /** Variables only the code uses, never offered to models: none. */
  public static final Set<String> CODE_ONLY = Set.of();

  private PreSessionCheckVariables() {}
}
