package org.civicflow.engine.proposal;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.civicflow.processes.HandlingVariables;

/** The department a process instance of a proposal handles (a department's handling instance). */
final class HandlingInstances {

  static final String DEPARTMENT_HANDLING = "departmentHandling";

  private HandlingInstances() {}

  /** The instance's department, or {@code null} for the proposal's main process. */
  static String departmentOf(HistoryService history, HistoricProcessInstance pi) {
    if (!DEPARTMENT_HANDLING.equals(pi.getProcessDefinitionKey())) {
      return null;
    }
    HistoricVariableInstance dept =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId())
            .variableName(HandlingVariables.DEPARTMENT)
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    return dept == null || dept.getValue() == null ? null : String.valueOf(dept.getValue());
  }
}
