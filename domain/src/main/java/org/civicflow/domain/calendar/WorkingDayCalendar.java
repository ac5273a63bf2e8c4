package org.civicflow.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which days are working days: Monday to Friday, except configured holidays, plus configured
 * make-up working days on weekends. Immutable; built from the holiday calendar.
 */
public final class WorkingDayCalendar {

  private final Map<LocalDate, DayKind> overrides;

  public WorkingDayCalendar(Iterable<Holiday> holidays) {
    Map<LocalDate, DayKind> map = new TreeMap<>();
    for (Holiday h : holidays) {
      map.put(h.date(), h.kind());
    }
    this.overrides = Map.copyOf(map);
  }

  /** A calendar of plain weekdays, without holidays. */
  public static WorkingDayCalendar weekdaysOnly() {
    return new WorkingDayCalendar(java.util.List.of());
  }

  public boolean isWorkingDay(LocalDate date) {
    DayKind kind = overrides.get(date);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /**
   * The date that lies {@code workingDays} working days after {@code start}; the start day itself
   * does not count (a request on Friday with 1 working day is due Monday).
   */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must not be negative");
    }
    LocalDate date = start;
    int left = workingDays;
    while (left > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  /** The same date, or the next working day when it is not one. */
  public LocalDate nextWorkingDayFrom(LocalDate date) {
    LocalDate d = date;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Counts working days after {@code from} up to and including {@code to}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }
}
