package org.civicflow.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.identity.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry policy over an attempt that fails a given number of times. */
class TaskRetryPolicyTest {

  static final String TASK = "t-1";

  TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
  HistoryService history = mock(HistoryService.class, RETURNS_DEEP_STUBS);
  TaskClashes clashes = new TaskClashes(history, mock(UserDirectory.class), Clock.systemUTC());
  List<Integer> pauses = new ArrayList<>();
  TaskRetryPolicy policy =
      new TaskRetryPolicy(
          new VanishedTasks(tasks, clashes), clashes, TaskRetryPolicy.MAX_ATTEMPTS, pauses::add);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void aClashIsTriedAgainAfterAGrowingPause() {
    Attempt attempt = failing(3, () -> new OptimisticLockingException("clash"));
    policy.complete(TASK, attempt);
    assertThat(attempt.runs).isEqualTo(4);
    assertThat(pauses).containsExactly(1, 2, 3);
  }

  @Test
  void aClashUntilTheLastAttemptIsAConflict() {
    Attempt attempt = failing(99, () -> new OptimisticLockingException("clash"));
    assertThatThrownBy(() -> policy.complete(TASK, attempt))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("task.concurrentChange");
    assertThat(attempt.runs).isEqualTo(TaskRetryPolicy.MAX_ATTEMPTS);
    assertThat(pauses).containsExactly(1, 2, 3, 4);
  }

  @Test
  void aVersionedRecordThatMovedOnIsAClashToo() {
    Attempt attempt =
        failing(
            1,
            () ->
                new org.civicflow.domain.common.ConcurrentChangeException(
                    "proposal.concurrentChange", 7L));
    policy.complete(TASK, attempt);
    assertThat(pauses).containsExactly(1);
  }

  @Test
  void anyOtherFailureOfATaskStillThereIsNotTriedAgain() {
    taskExists(true);
    Attempt attempt = failing(1, () -> new IllegalStateException("broken"));
    assertThatThrownBy(() -> policy.complete(TASK, attempt))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("broken");
    assertThat(attempt.runs).isEqualTo(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void aFailureOfATaskThatVanishedMeanwhileIsAConflict() {
    taskExists(false);
    Attempt attempt = failing(1, () -> new NullPointerException("\"execution\" is null"));
    assertThatThrownBy(() -> policy.complete(TASK, attempt))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("task.alreadyCompleted");
  }

  @Test
  void theEnginesMissingTaskIsAConflictWhenTheTaskIsGoneAndItselfOtherwise() {
    taskExists(false);
    assertThatThrownBy(() -> policy.complete(TASK, failing(1, () -> new NullValueException("x"))))
        .isInstanceOf(ConflictException.class);
    taskExists(true);
    assertThatThrownBy(() -> policy.complete(TASK, failing(1, () -> new NullValueException("x"))))
        .isInstanceOf(NullValueException.class);
  }

  @Test
  void ourOwnRefusalsPassUnchanged() {
    taskExists(false);
    Attempt attempt = failing(1, () -> new ForbiddenException("task.notYours"));
    assertThatThrownBy(() -> policy.complete(TASK, attempt)).isInstanceOf(ForbiddenException.class);
    assertThat(attempt.runs).isEqualTo(1);
  }

  @Test
  void beingInterruptedWhileWaitingIsAConflict() {
    TaskRetryPolicy interrupted =
        new TaskRetryPolicy(
            new VanishedTasks(tasks, clashes),
            clashes,
            TaskRetryPolicy.MAX_ATTEMPTS,
            failed -> {
              throw new InterruptedException();
            });
    Attempt attempt = failing(1, () -> new OptimisticLockingException("clash"));
    assertThatThrownBy(() -> interrupted.complete(TASK, attempt))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("task.concurrentChange");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void aClaimThatClashesIsSettledByWhoHoldsTheTaskNow() {
    Supplier<Runnable> clashing = () -> failing(1, () -> new OptimisticLockingException("clash"));
    heldBy("scjg.handler");
    policy.claim(TASK, "scjg.handler", clashing.get()); // the caller's own claim won
    heldBy("scjg.handler2");
    assertThatThrownBy(() -> policy.claim(TASK, "scjg.handler", clashing.get()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("task.claimedBy");
    when(tasks.createTaskQuery().taskId(TASK).singleResult()).thenReturn(null);
    assertThatThrownBy(() -> policy.claim(TASK, "scjg.handler", clashing.get()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("task.alreadyCompleted");
    assertThat(pauses).isEmpty();
  }

  @Test
  void aClaimIsNotTriedAgainAndOtherFailuresPass() {
    Attempt attempt = failing(1, () -> new IllegalStateException("broken"));
    assertThatThrownBy(() -> policy.claim(TASK, "scjg.handler", attempt))
        .isInstanceOf(IllegalStateException.class);
    assertThat(attempt.runs).isEqualTo(1);
  }

  /** An attempt that fails its first {@code failures} runs; it counts its runs. */
  private static Attempt failing(int failures, Supplier<RuntimeException> failure) {
    return new Attempt(failures, failure);
  }

  static final class Attempt implements Runnable {
    final int failures;
    final Supplier<RuntimeException> failure;
    int runs;

    Attempt(int failures, Supplier<RuntimeException> failure) {
      this.failures = failures;
      this.failure = failure;
    }

    @Override
    public void run() {
      runs++;
      if (runs <= failures) {
        throw failure.get();
      }
    }
  }

  private void taskExists(boolean exists) {
    when(tasks.createTaskQuery().taskId(TASK).count()).thenReturn(exists ? 1L : 0L);
  }

  private void heldBy(String assignee) {
    Task task = mock(Task.class);
    when(task.getAssignee()).thenReturn(assignee);
    when(tasks.createTaskQuery().taskId(TASK).singleResult()).thenReturn(task);
  }
}
