package org.civicflow.domain.commitment;

import java.time.LocalDate;

/**
 * When the next session meets and how long before it the pre-session check (落实情况督查) starts.
 *
 * @param checkOn the day the check starts: {@code nextSessionDate} less {@code leadDays}
 */
public record PreSessionSchedule(LocalDate nextSessionDate, int leadDays, LocalDate checkOn) {

  static PreSessionSchedule of(LocalDate nextSessionDate, int leadDays) {
    return new PreSessionSchedule(nextSessionDate, leadDays, nextSessionDate.minusDays(leadDays));
  }
}
