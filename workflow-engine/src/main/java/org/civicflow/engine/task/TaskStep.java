package org.civicflow.engine.task;

import java.util.List;
import java.util.Map;

/**
 * The domain side of completing one kind of task: it reads and checks the body, records what the
 * person decided or wrote, and returns the process variables that the model's gateways read. A step
 * is a bean found by {@link TaskStepDispatch}, so it may live in its feature's package (sign-off:
 * {@code engine.signoff}).
 */
public interface TaskStep {

  TaskKey key();

  /** Checks the body and records it; runs in the same transaction as the task's completion. */
  Map<String, Object> complete(TaskContext task, TaskBody body);

  /** The form of the task as it is now (the documented body; some choices are configuration). */
  default List<FormField> form() {
    return TaskForms.of(key());
  }
}
