package org.civicflow.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does with the holiday calendar: add the public holidays of a year (a day or
 * a run of days such as 国庆节 1–7 October) and the make-up working days (调休) on weekends, and remove
 * them. Deadlines computed afterwards on this node see the change at once ({@link
 * HolidaysChanged}), on the other nodes of a cluster within {@link HolidayCalendar#FRESH_FOR}.
 * Deadlines computed before stay as they were set.
 */
@Service
public class HolidayAdministration {

  /** The longest run of days added at once (the longest official holiday is 8 days). */
  public static final int MAX_DAYS = 31;

  private final HolidayMapper holidays;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  HolidayAdministration(HolidayMapper holidays, AuditLog audit, ApplicationEventPublisher events) {
    this.holidays = holidays;
    this.audit = audit;
    this.events = events;
  }

  /** The configured days of one year, in date order. */
  @Transactional(readOnly = true)
  public List<Holiday> year(int year) {
    return holidays.findBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /**
   * Adds the days from {@code from} to {@code to} (both included; {@code to} may be {@code null}
   * for one day) with one kind and name. All or nothing: a day already in the calendar refuses the
   * whole run. Make-up working days fall on Saturdays and Sundays only.
   */
  @Transactional
  public List<Holiday> add(LocalDate from, LocalDate to, DayKind kind, String name, String actor) {
    LocalDate last = to == null ? from : to;
    FieldErrors errors =
        new FieldErrors()
            .required("date", from)
            .required("kind", kind)
            .required("name", name)
            .maxLength("name", name, FieldErrors.SHORT_TEXT);
    if (from != null) {
      errors.check(!last.isBefore(from), "to", "validation.holiday.toBeforeFrom");
      errors.check(
          last.isBefore(from) || !last.isAfter(from.plusDays(MAX_DAYS - 1L)),
          "to",
          "validation.holiday.tooManyDays");
    }
    errors.throwIfAny();
    List<Holiday> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(new Holiday(d, kind, name.strip()));
    }
    if (kind == DayKind.WORKDAY) {
      errors.check(
          days.stream().allMatch(h -> isWeekend(h.date())),
          "date",
          "validation.holiday.workdayOnWeekend");
      errors.throwIfAny();
    }
    List<Holiday> existing = holidays.findBetween(from, last);
    if (!existing.isEmpty()) {
      throw new ConflictException("holiday.duplicate", existing.get(0).date());
    }
    for (Holiday h : days) {
      holidays.insert(h);
    }
    events.publishEvent(new HolidaysChanged());
    audit.record(
        actor,
        "holiday.add",
        "holiday",
        from.toString(),
        "to=" + last + "; kind=" + kind + "; name=" + name.strip() + "; days=" + days.size());
    return days;
  }

  /** Removes one configured day; it is again a plain weekday or weekend day. */
  @Transactional
  public void remove(LocalDate date, String actor) {
    if (date == null) {
      throw org.civicflow.domain.common.ValidationException.of("date", "validation.required");
    }
    Holiday removed =
        holidays.findBetween(date, date).stream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("holiday", date));
    holidays.delete(date);
    events.publishEvent(new HolidaysChanged());
    audit.record(
        actor,
        "holiday.remove",
        "holiday",
        date.toString(),
        "kind=" + removed.kind() + "; name=" + removed.name());
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
