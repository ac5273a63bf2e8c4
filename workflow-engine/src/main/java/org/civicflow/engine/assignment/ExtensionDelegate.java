package org.civicflow.engine.assignment;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.civicflow.domain.assignment.Assignment;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * 延长办理期限: the approved extension moves the department's deadline; the pending reminder and deadline
 * timers are recalculated from it in the same transaction.
 */
@Component("extensionDelegate")
class ExtensionDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;
  private final DeadlineVariables deadlines;

  ExtensionDelegate(AssignmentManagement assignments, DeadlineVariables deadlines) {
    this.assignments = assignments;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long proposalId = ProcessVariables.proposalId(execution);
    String department = ProcessVariables.department(execution);
    LocalDate newDueDate =
        LocalDate.parse(
            (String) execution.getVariable(DepartmentHandlingVariables.APPROVED_DUE_DATE));
    Assignment a =
        assignments.extend(proposalId, department, newDueDate, Actors.current(execution));
    deadlines.apply(execution, a);
    var commandContext = Context.getCommandContext();
    for (JobEntity job :
        commandContext
            .getJobManager()
            .findJobsByProcessInstanceId(execution.getProcessInstanceId())) {
      if (job instanceof TimerEntity) {
        new RecalculateJobDuedateCmd(job.getId(), false).execute(commandContext);
      }
    }
  }
}
