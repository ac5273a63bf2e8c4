package org.civicflow.domain.calendar;

import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.common.ValidationException;

/**
 * The deadline rules of handling: sign-for window, reply deadline, co-handling opinions, reminders,
 * extensions and the re-handling round, on a given working-day calendar.
 */
public final class Deadlines {

  private final WorkingDayCalendar calendar;
  private final DeadlineProperties rules;

  public Deadlines(WorkingDayCalendar calendar, DeadlineProperties rules) {
    this.calendar = calendar;
    this.rules = rules;
  }

  /** Last day on which a department assigned on {@code assignedOn} may sign for or object. */
  public LocalDate signForDueDate(LocalDate assignedOn) {
    return calendar.addWorkingDays(assignedOn, rules.signForWorkingDays());
  }

  /**
   * The reply deadline: {@code months} calendar months after assignment, moved to the next working
   * day when it falls on a day off.
   */
  public LocalDate replyDueDate(LocalDate assignedOn, int months) {
    if (months < 1 || months > rules.maxDeadlineMonths()) {
      throw ValidationException.of("dueDate", "validation.deadline.months");
    }
    return calendar.nextWorkingDayFrom(assignedOn.plusMonths(months));
  }

  /**
   * Checks a deadline chosen by the registrar: after the assignment, at most the longest deadline,
   * and on a working day.
   */
  public LocalDate requestedDueDate(LocalDate assignedOn, LocalDate requested) {
    if (!requested.isAfter(assignedOn)) {
      throw ValidationException.of("dueDate", "validation.dueDate.notAfterAssignment");
    }
    if (requested.isAfter(assignedOn.plusMonths(rules.maxDeadlineMonths()))) {
      throw ValidationException.of("dueDate", "validation.dueDate.tooLate");
    }
    return calendar.nextWorkingDayFrom(requested);
  }

  /** Co-handling departments send their opinion within this date. */
  public LocalDate coOpinionDueDate(LocalDate assignedOn) {
    return calendar.nextWorkingDayFrom(assignedOn.plusMonths(rules.coOpinionMonths()));
  }

  /** The reminder dates before {@code dueDate}, earliest first, never before {@code today}. */
  public List<LocalDate> reminderDates(LocalDate dueDate, LocalDate today) {
    return rules.reminderDaysBefore().stream()
        .map(dueDate::minusDays)
        .map(d -> d.isBefore(today) ? today : d)
        .sorted()
        .toList();
  }

  /**
   * Checks an extension request: later than the current deadline and at most the allowed number of
   * months after it.
   */
  public LocalDate extendedDueDate(LocalDate currentDueDate, LocalDate requested) {
    if (requested == null) {
      throw ValidationException.of("newDueDate", "validation.required");
    }
    if (!requested.isAfter(currentDueDate)) {
      throw ValidationException.of("newDueDate", "validation.extension.notLater");
    }
    if (requested.isAfter(currentDueDate.plusMonths(rules.maxExtensionMonths()))) {
      throw ValidationException.of("newDueDate", "validation.extension.tooLong");
    }
    return calendar.nextWorkingDayFrom(requested);
  }

  /** The deadline of the second handling after an unsatisfied rating. */
  public LocalDate rehandlingDueDate(LocalDate ratedOn) {
    return calendar.nextWorkingDayFrom(ratedOn.plusMonths(rules.rehandlingMonths()));
  }

  /** Whether a step due on {@code dueDate} is overdue on {@code today}. */
  public static boolean isOverdue(LocalDate dueDate, LocalDate today) {
    return dueDate != null && today.isAfter(dueDate);
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }
}
