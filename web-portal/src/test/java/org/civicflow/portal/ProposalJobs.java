package org.civicflow.portal;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The due jobs of one proposal's processes (sending and publishing its reply), run in the calling
 * thread as the job executor would: for suites whose application runs without one.
 */
public final class ProposalJobs {

  private ProposalJobs() {}

  /**
   * Runs the proposal's due jobs, and those they create, until none is due. Another test context
   * sharing the database may run one of them at the same moment: its run counts.
   */
  public static void runDue(ManagementService management, RuntimeService runtime, long proposalId) {
    for (int round = 0; round < 20; round++) {
      List<Job> due =
          runtime
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(String.valueOf(proposalId))
              .list()
              .stream()
              .flatMap(
                  pi ->
                      management
                          .createJobQuery()
                          .processInstanceId(pi.getId())
                          .executable()
                          .list()
                          .stream())
              .toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (OptimisticLockingException | NullValueException e) {
          // another test context's job executor (same database) ran it: it is done there
        }
      }
    }
    throw new IllegalStateException("jobs keep coming");
  }
}
