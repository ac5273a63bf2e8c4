package org.civicflow.engine.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.civicflow.processes.HandlingVariables;

/**
 * Typed reading and the conversions of the process variables that the models and CivicFlow share;
 * their names are those of {@code org.civicflow.processes} (one class per model).
 */
public final class ProcessVariables {

  private ProcessVariables() {}

  public static long proposalId(VariableScope scope) {
    Object v = scope.getVariable(HandlingVariables.PROPOSAL_ID);
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IllegalStateException("process variable proposalId is missing");
  }

  public static String department(VariableScope scope) {
    Object v = scope.getVariable(HandlingVariables.DEPARTMENT);
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
