package org.civicflow.engine.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * 签收登记: the department signed for its assignment — by its handler, by the registrar refusing its
 * re-assignment request, or deemed when the window passed.
 */
@Component("signForDelegate")
class SignForDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;

  SignForDelegate(AssignmentManagement assignments) {
    this.assignments = assignments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    assignments.signFor(
        ProcessVariables.proposalId(execution),
        ProcessVariables.department(execution),
        Actors.current(execution));
  }
}
