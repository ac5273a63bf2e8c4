package org.civicflow.domain.calendar;

import java.time.LocalDate;

/** One configured date of the holiday calendar. */
public record Holiday(LocalDate date, DayKind kind, String name) {}
