package org.civicflow.domain.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.civicflow.domain.common.FreshCopy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configured holiday calendar and the deadline rules computed on it.
 *
 * <p>Deadlines are computed on several steps of every proposal's handling, and the calendar changes
 * a few times a year, so this keeps a copy of it: a change made on this node ({@link
 * HolidaysChanged}, sent by {@link HolidayAdministration}) counts at once, one made on another node
 * within {@link #FRESH_FOR}.
 */
@Service
@EnableConfigurationProperties(DeadlineProperties.class)
public class HolidayCalendar {

  /** How long the copy of the calendar is trusted before it is read again. */
  static final Duration FRESH_FOR = Duration.ofSeconds(30);

  private final DeadlineProperties rules;
  private final Clock clock;
  private final FreshCopy<WorkingDayCalendar> calendar;

  HolidayCalendar(HolidayMapper holidays, DeadlineProperties rules, Clock clock) {
    this.rules = rules;
    this.clock = clock;
    this.calendar = new FreshCopy<>(FRESH_FOR, () -> new WorkingDayCalendar(holidays.findAll()));
  }

  /** The deadline rules on the calendar as configured now. */
  @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
  public Deadlines deadlines() {
    return new Deadlines(calendar.get(), rules);
  }

  @EventListener
  void changed(HolidaysChanged event) {
    calendar.forgetAfterCompletion();
  }

  /** Today in the city's time zone. */
  /** The city's time zone, in which dates are counted. */
  public java.time.ZoneId zone() {
    return clock.getZone();
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
