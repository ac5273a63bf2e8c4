package org.civicflow.portal.api;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs due jobs as the job executor would (tests switch it off to be deterministic), and moves the
 * one clock of CivicFlow.
 */
final class Jobs {

  private final ManagementService management;

  Jobs(ManagementService management) {
    this.management = management;
  }

  /** Executes every due job, including the ones that these create, until none is due. */
  int runDue() {
    int executed = 0;
    for (int round = 0; round < 100; round++) {
      var due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return executed;
      }
      for (Job job : due) {
        if (management.createJobQuery().jobId(job.getId()).count() == 0) {
          // an earlier job of this round removed it (a timer of a step that ended meanwhile)
          continue;
        }
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException | NullValueException e) {
          // Another context's job executor in this JVM (test contexts are cached and share the
          // database and the engine clock) ran the same job: it is done there.
        }
        executed++;
      }
    }
    throw new IllegalStateException("jobs keep coming");
  }

  static void moveClockDays(int days) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + days * 86_400_000L));
  }

  static void resetClock() {
    ClockUtil.reset();
  }
}
