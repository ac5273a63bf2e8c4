package org.civicflow.engine.task;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.audit.AuditLog;

/**
 * Hands a task's completion body to the {@link TaskStep} registered for its key, which records the
 * person's input in the domain and returns the process variables the completion sets, and writes
 * the audit record of the completion. Every task key has its step: a missing one fails at start.
 */
final class TaskStepDispatch {

  private final Map<TaskKey, TaskStep> steps = new EnumMap<>(TaskKey.class);
  private final AuditLog audit;

  TaskStepDispatch(List<TaskStep> steps, AuditLog audit) {
    this.audit = audit;
    steps.forEach(s -> this.steps.put(s.key(), s));
    for (TaskKey key : TaskKey.values()) {
      if (!this.steps.containsKey(key)) {
        throw new IllegalStateException("no step for task key " + key);
      }
    }
  }

  /** The form of the task key as it is now (its step's: some choices are configuration). */
  List<FormField> form(TaskKey key) {
    return steps.get(key).form();
  }

  /**
   * Runs the step of the task's key on the body and records the completion.
   *
   * @return the process variables to complete the task with
   * @throws org.civicflow.domain.common.ValidationException the body is invalid (nothing recorded)
   */
  Map<String, Object> complete(TaskContext task, Map<String, Object> body) {
    Map<String, Object> variables = steps.get(task.key()).complete(task, new TaskBody(body));
    audit.record(
        task.actor(),
        "task.complete",
        "proposal",
        String.valueOf(task.proposalId()),
        task.key().name() + (task.department() == null ? "" : " " + task.department()));
    return variables;
  }
}
