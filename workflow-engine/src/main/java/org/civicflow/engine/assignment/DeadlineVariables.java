package org.civicflow.engine.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.civicflow.domain.assignment.Assignment;
import org.civicflow.domain.calendar.Deadlines;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * Puts a department's deadlines into its process instance, where the timers read them: the reply
 * deadline, the two reminders before it and the co-handling opinions' deadline.
 */
@Component
public class DeadlineVariables {

  private final HolidayCalendar calendar;
  private final ZoneId zone;

  DeadlineVariables(HolidayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.zone = clock.getZone();
  }

  void apply(DelegateExecution execution, Assignment a) {
    applyReplyDeadline(execution, a);
    LocalDate assignedOn = a.getAssignedAt().atZone(zone).toLocalDate();
    execution
        .getProcessInstance()
        .setVariable(
            DepartmentHandlingVariables.CO_OPINION_DUE_DATE,
            ProcessVariables.endOf(calendar.deadlines().coOpinionDueDate(assignedOn), zone));
  }

  /**
   * The reply deadline and its two reminders only (a second round keeps the first round's
   * co-handling deadline).
   */
  public void applyReplyDeadline(DelegateExecution execution, Assignment a) {
    Deadlines deadlines = calendar.deadlines();
    LocalDate today = calendar.today();
    List<LocalDate> reminders = deadlines.reminderDates(a.getDueDate(), today);
    var instance = execution.getProcessInstance();
    instance.setVariable(
        DepartmentHandlingVariables.DUE_DATE, ProcessVariables.endOf(a.getDueDate(), zone));
    instance.setVariable(
        DepartmentHandlingVariables.REMINDER_1_AT,
        ProcessVariables.morningOf(reminders.get(0), zone));
    instance.setVariable(
        DepartmentHandlingVariables.REMINDER_2_AT,
        ProcessVariables.morningOf(reminders.get(reminders.size() - 1), zone));
  }

  ZoneId zone() {
    return zone;
  }
}
