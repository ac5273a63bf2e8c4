package org.civicflow.engine.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/** 同意调整: the department is relieved and the proposal goes back to the registrar. */
@Component("reassignmentDelegate")
class ReassignmentDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;

  ReassignmentDelegate(AssignmentManagement assignments) {
    this.assignments = assignments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    assignments.release(
        ProcessVariables.proposalId(execution),
        ProcessVariables.department(execution),
        Actors.current(execution));
    execution
        .getProcessInstance()
        .setVariable(ProposalHandlingVariables.REASSIGNMENT_APPROVED, true);
  }
}
