package org.civicflow.domain.calendar;

/** The holiday calendar changed on this node: deadlines are computed on the new one at once. */
public record HolidaysChanged() {}
