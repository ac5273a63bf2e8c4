package org.civicflow.engine.assignment;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.assignment.AssignmentMode;
import org.civicflow.domain.assignment.AssignmentPlan;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.proposal.ProposalLifecycle;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.HandlingDeadlineVariables;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * 生成交办单: creates the assignments from the registrar's plan and the deadline rule, and sets the
 * sign-for window's timer.
 */
@Component("assignDepartmentsDelegate")
class AssignDepartmentsDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;
  private final ProposalLifecycle lifecycle;
  private final HolidayCalendar calendar;
  private final DeadlineVariables deadlines;

  AssignDepartmentsDelegate(
      AssignmentManagement assignments,
      ProposalLifecycle lifecycle,
      HolidayCalendar calendar,
      DeadlineVariables deadlines) {
    this.assignments = assignments;
    this.lifecycle = lifecycle;
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long proposalId = ProcessVariables.proposalId(execution);
    String actor = Actors.current(execution);
    String requested = (String) execution.getVariable(ProposalHandlingVariables.REQUESTED_DUE_DATE);
    Number months = (Number) execution.getVariable(ProposalHandlingVariables.DEADLINE_MONTHS);
    AssignmentPlan plan =
        new AssignmentPlan(
            AssignmentMode.valueOf(
                (String) execution.getVariable(ProposalHandlingVariables.ASSIGNMENT_MODE)),
            (String) execution.getVariable(ProposalHandlingVariables.LEAD_DEPARTMENT),
            codes(execution.getVariable(ProposalHandlingVariables.CO_DEPARTMENT_CODES)),
            codes(execution.getVariable(ProposalHandlingVariables.SEPARATE_DEPARTMENT_CODES)),
            requested == null || requested.isBlank() ? null : LocalDate.parse(requested),
            months == null ? HandlingDeadlineVariables.DEFAULT_MONTHS : months.intValue());
    assignments.assign(proposalId, plan, actor);
    if (Boolean.TRUE.equals(execution.getVariable(ProposalHandlingVariables.KEY_ITEM))) {
      lifecycle.markKey(proposalId, true, actor);
    }
    LocalDate signForDue = calendar.deadlines().signForDueDate(calendar.today());
    execution
        .getProcessInstance()
        .setVariable(
            ProposalHandlingVariables.SIGN_FOR_DUE_DATE,
            ProcessVariables.endOf(signForDue, deadlines.zone()));
    execution
        .getProcessInstance()
        .setVariable(ProposalHandlingVariables.REASSIGNMENT_APPROVED, false);
  }

  static List<String> codes(Object value) {
    if (value == null || value.toString().isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.toString().split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
