package org.civicflow.domain.calendar;

/** How the calendar overrides the plain weekday/weekend rule for one date. */
public enum DayKind {
  /** A public holiday: no work, even on a weekday. */
  HOLIDAY,
  /** A make-up working day (调休): work, even on a weekend. */
  WORKDAY
}
