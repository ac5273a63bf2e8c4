package org.civicflow.engine.task;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.engine.support.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Due-date rules a model may name in a user task's due date, e.g. {@code
 * ${dueRules.workingDays(5)}}: the end of the day so many working days (on the configured holiday
 * calendar) or calendar months from today.
 */
@Component("dueRules")
public class DueRules {

  /** The longest spans a rule accepts; larger arguments are capped. */
  static final int MAX_WORKING_DAYS = 250;

  static final int MAX_MONTHS = 24;

  private final HolidayCalendar calendar;
  private final ZoneId zone;

  DueRules(HolidayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.zone = clock.getZone();
  }

  public Date workingDays(int days) {
    int n = Math.max(1, Math.min(days, MAX_WORKING_DAYS));
    return ProcessVariables.endOf(
        calendar.deadlines().calendar().addWorkingDays(calendar.today(), n), zone);
  }

  public Date months(int months) {
    int n = Math.max(1, Math.min(months, MAX_MONTHS));
    return ProcessVariables.endOf(calendar.today().plusMonths(n), zone);
  }
}
