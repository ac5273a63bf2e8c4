package org.civicflow.domain.calendar;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of the handling rules that an administrator may change per deployment.
 *
 * @param signForWorkingDays working days a department has to sign for or ask for re-assignment
 * @param coOpinionMonths months a co-handling department has to send its opinion
 * @param reminderDaysBefore days before the deadline at which the department is reminded
 * @param maxExtensionMonths the longest extension a department may be granted
 * @param rehandlingMonths months for the second handling after an unsatisfied rating
 * @param maxDeadlineMonths the longest handling deadline (complex cases)
 */
@ConfigurationProperties("civicflow.deadlines")
public record DeadlineProperties(
    Integer signForWorkingDays,
    Integer coOpinionMonths,
    List<Integer> reminderDaysBefore,
    Integer maxExtensionMonths,
    Integer rehandlingMonths,
    Integer maxDeadlineMonths) {

  public DeadlineProperties {
    signForWorkingDays = signForWorkingDays == null ? 5 : signForWorkingDays;
    coOpinionMonths = coOpinionMonths == null ? 1 : coOpinionMonths;
    reminderDaysBefore =
        reminderDaysBefore == null ? List.of(15, 3) : List.copyOf(reminderDaysBefore);
    maxExtensionMonths = maxExtensionMonths == null ? 3 : maxExtensionMonths;
    rehandlingMonths = rehandlingMonths == null ? 1 : rehandlingMonths;
    maxDeadlineMonths = maxDeadlineMonths == null ? 6 : maxDeadlineMonths;
  }

  /** The defaults of the product's handling rules. */
  public static DeadlineProperties defaults() {
    return new DeadlineProperties(null, null, null, null, null, null);
  }
}
