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
import org.springframework.stereotype.Component;

/**
 * Puts a department's deadlines into its process instance, where the timers read them: the reply
 * deadline, the two reminders before it and the co-handling opinions' deadline.
 */
@Component
class DeadlineVariables {

  private final HolidayCalendar calendar;
  private final ZoneId zone;

  DeadlineVariables(HolidayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.zone = clock.getZone();
  }

  void apply(DelegateExecution execution, Assignment a) {
    Deadlines deadlines = calendar.deadlines();
    LocalDate today = calendar.today();
    List<LocalDate> reminders = deadlines.reminderDates(a.getDueDate(), today);
    var instance = execution.getProcessInstance();
    instance.setVariable("dueDate", ProcessVariables.endOf(a.getDueDate(), zone));
    instance.setVariable("reminder1At", ProcessVariables.morningOf(reminders.get(0), zone));
    instance.setVariable(
        "reminder2At", ProcessVariables.morningOf(reminders.get(reminders.size() - 1), zone));
    LocalDate assignedOn = a.getAssignedAt().atZone(zone).toLocalDate();
    instance.setVariable(
        "coOpinionDueDate", ProcessVariables.endOf(deadlines.coOpinionDueDate(assignedOn), zone));
  }

  ZoneId zone() {
    return zone;
  }
}
