package org.civicflow.engine.reply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.assignment.Assignment;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.engine.support.Actors;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/** 重新办理: the one second round after 不满意, due one month later, with its own reminders. */
@Component("rehandlingDelegate")
class RehandlingDelegate implements JavaDelegate {

  private final AssignmentManagement assignments;
  private final HolidayCalendar calendar;
  private final ZoneId zone;

  RehandlingDelegate(AssignmentManagement assignments, HolidayCalendar calendar, Clock clock) {
    this.assignments = assignments;
    this.calendar = calendar;
    this.zone = clock.getZone();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment a =
        assignments.startSecondRound(
            ProcessVariables.proposalId(execution),
            ProcessVariables.department(execution),
            Actors.current(execution));
    List<LocalDate> reminders =
        calendar.deadlines().reminderDates(a.getDueDate(), calendar.today());
    var instance = execution.getProcessInstance();
    instance.setVariable("dueDate", ProcessVariables.endOf(a.getDueDate(), zone));
    instance.setVariable("reminder1At", ProcessVariables.morningOf(reminders.get(0), zone));
    instance.setVariable(
        "reminder2At", ProcessVariables.morningOf(reminders.get(reminders.size() - 1), zone));
  }
}
