package org.civicflow.domain.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The configured holiday calendar and the deadline rules computed on it. */
@Service
@EnableConfigurationProperties(DeadlineProperties.class)
public class HolidayCalendar {

  private final HolidayMapper holidays;
  private final DeadlineProperties rules;
  private final Clock clock;

  HolidayCalendar(HolidayMapper holidays, DeadlineProperties rules, Clock clock) {
    this.holidays = holidays;
    this.rules = rules;
    this.clock = clock;
  }

  /** The deadline rules on the calendar as configured now. */
  @Transactional(readOnly = true)
  public Deadlines deadlines() {
    return new Deadlines(new WorkingDayCalendar(holidays.findAll()), rules);
  }

  /** Today in the city's time zone. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  @Transactional(readOnly = true)
  public List<Holiday> list() {
    return holidays.findAll();
  }

  /** Adds one date to the calendar. */
  @Transactional
  public void add(Holiday holiday) {
    new FieldErrors()
        .required("date", holiday.date())
        .required("kind", holiday.kind())
        .required("name", holiday.name())
        .maxLength("name", holiday.name(), FieldErrors.SHORT_TEXT)
        .throwIfAny();
    if (!holidays.findBetween(holiday.date(), holiday.date()).isEmpty()) {
      throw new ConflictException("holiday.duplicate", holiday.date());
    }
    holidays.insert(holiday);
  }

  @Transactional
  public void remove(LocalDate date) {
    holidays.delete(date);
  }
}
