package org.civicflow.engine.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names and conversions of the process variables that the models and CivicFlow share. */
public final class ProcessVariables {

  public static final String PROPOSAL_ID = "proposalId";
  public static final String DEPARTMENT = "department";
  public static final String CO_DEPARTMENT = "coDepartment";

  private ProcessVariables() {}

  public static long proposalId(VariableScope scope) {
    Object v = scope.getVariable(PROPOSAL_ID);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("process variable proposalId is missing");
  }

  public static String department(VariableScope scope) {
    Object v = scope.getVariable(DEPARTMENT);
    if (v == null) {
      throw new IllegalStateException("process variable department is missing");
    }
    return v.toString();
  }

  /** The instant a timer for a deadline date fires: the start of the next day in the city. */
  public static Date endOf(LocalDate day, ZoneId zone) {
    return Date.from(day.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** Reminders go out at nine in the morning of their day. */
  public static Date morningOf(LocalDate day, ZoneId zone) {
    return Date.from(day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant());
  }
}
