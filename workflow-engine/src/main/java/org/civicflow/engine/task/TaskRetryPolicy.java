package org.civicflow.engine.task;

import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.engine.support.TransientFailures;

/**
 * How task work meets a colleague's change at the same moment. A completion that clashes (an
 * optimistic lock, a deadlock victim, a versioned record that moved on: {@link TransientFailures})
 * is tried again in a new transaction, up to {@link #MAX_ATTEMPTS} times, after a growing random
 * pause; a task that vanished meanwhile is a conflict (409); any other failure passes. A claim is
 * not tried again: its clash is settled by who holds the task now.
 */
final class TaskRetryPolicy {

  /** A completion that collides with a concurrent change is tried again this often. */
  static final int MAX_ATTEMPTS = 5;

  /** Waits after a failed attempt, before the next one. */
  interface Pause {
    void after(int failedAttempt) throws InterruptedException;
  }

  /**
   * Waits a little, longer after each attempt and by a random amount, so that colleagues completing
   * parallel steps of one proposal at the same moment (joining branches clash on the same
   * execution) do not clash again on the retry.
   */
  static final Pause RANDOM_BACK_OFF =
      attempt -> Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);

  private final VanishedTasks vanished;
  private final TaskClashes clashes;
  private final int maxAttempts;
  private final Pause pause;

  TaskRetryPolicy(VanishedTasks vanished, TaskClashes clashes) {
    this(vanished, clashes, MAX_ATTEMPTS, RANDOM_BACK_OFF);
  }

  TaskRetryPolicy(VanishedTasks vanished, TaskClashes clashes, int maxAttempts, Pause pause) {
    this.vanished = vanished;
    this.clashes = clashes;
    this.maxAttempts = maxAttempts;
    this.pause = pause;
  }

  /**
   * Runs {@code attempt} (one transaction) until it succeeds.
   *
   * @throws ConflictException the task was completed meanwhile, or it still clashed after the last
   *     attempt ({@code task.concurrentChange})
   */
  void complete(String taskId, Runnable attempt) {
    for (int n = 1; ; n++) {
      try {
        attempt.run();
        return;
      } catch (NullValueException | NotFoundException gone) {
        // the task vanished between our reads: a colleague completed it
        if (vanished.gone(taskId)) {
          throw vanished.completedMeanwhile(taskId);
        }
        throw gone;
      } catch (RuntimeException e) {
        if (!TransientFailures.isTransient(e)) {
          throw vanished.or(taskId, e);
        }
        if (n >= maxAttempts) {
          throw new ConflictException("task.concurrentChange");
        }
        waitAfter(n);
      }
    }
  }

  /**
   * Runs {@code attempt} (one transaction) once. A clash means a colleague's claim (or completion)
   * changed the task in the same moment: the task gone is a conflict, a colleague holding it is a
   * conflict naming them, the caller holding it is success.
   */
  void claim(String taskId, String username, Runnable attempt) {
    try {
      attempt.run();
    } catch (RuntimeException e) {
      if (!TransientFailures.isTransient(e)) {
        throw e;
      }
      Task now = vanished.current(taskId);
      if (now == null) {
        throw vanished.completedMeanwhile(taskId);
      }
      if (!username.equals(now.getAssignee())) {
        throw clashes.claimedBy(now.getAssignee());
      }
    }
  }

  private void waitAfter(int failedAttempt) {
    try {
      pause.after(failedAttempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException("task.concurrentChange");
    }
  }
}
