package org.civicflow.engine.task;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.NotFoundException;

/**
 * Tells a task that a colleague completed meanwhile from a real failure. A colleague on this or
 * another node may complete a task between two of our reads: at READ COMMITTED the task row was
 * seen, its execution or variables no longer. What the engine then trips over (a missing execution,
 * a null variable) is a conflict (409), not a failure.
 */
final class VanishedTasks {

  private final TaskService tasks;
  private final TaskClashes clashes;

  VanishedTasks(TaskService tasks, TaskClashes clashes) {
    this.tasks = tasks;
    this.clashes = clashes;
  }

  /** Whether the task is no longer active. */
  boolean gone(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).count() == 0;
  }

  /** The active task, or {@code null}. */
  Task current(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).singleResult();
  }

  /**
   * The active task; a completed one is a conflict saying by whom and when (409), an unknown one is
   * not found (404).
   */
  Task active(String taskId) {
    Task task = current(taskId);
    if (task == null) {
      throw clashes.completed(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
    }
    return task;
  }

  ConflictException completedMeanwhile(String taskId) {
    return clashes.completedMeanwhile(taskId);
  }

  /**
   * The failure to report: a conflict if the task vanished meanwhile; otherwise the failure itself.
   * Our own refusals (validation, permission, conflict) pass unchanged.
   */
  RuntimeException or(String taskId, RuntimeException failure) {
    if (!(failure instanceof DomainException) && gone(taskId)) {
      return completedMeanwhile(taskId);
    }
    return failure;
  }

  /**
   * A variable of a task that was just found is missing: someone (on this node or another one)
   * completed the task between our reads, and at READ COMMITTED we saw the task row before that
   * commit and its process's variables after it. That is a conflict, not a failure.
   */
  RuntimeException lackingVariables(Task task) {
    if (gone(task.getId())) {
      return completedMeanwhile(task.getId());
    }
    return new IllegalStateException(
        "task " + task.getId() + " (" + task.getTaskDefinitionKey() + ") lacks its variables");
  }
}
