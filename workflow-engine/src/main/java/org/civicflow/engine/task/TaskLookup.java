package org.civicflow.engine.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.processes.HandlingVariables;

/**
 * Looks up what task work needs to know about a task — its facts, its key, its proposal and its
 * department, the variables its form shows — and tells a task that vanished meanwhile (a conflict)
 * from one that lacks what it should have (a failure).
 */
final class TaskLookup {

  private final TaskService tasks;
  private final TaskKeys taskKeys;
  private final TaskFacts.Reader engineTasks;
  private final VanishedTasks vanished;

  TaskLookup(
      TaskService tasks, TaskKeys taskKeys, TaskFacts.Reader engineTasks, VanishedTasks vanished) {
    this.tasks = tasks;
    this.taskKeys = taskKeys;
    this.engineTasks = engineTasks;
    this.vanished = vanished;
  }

  /**
   * The task, its links, its proposal id and (for a departmental task) its department, in one
   * engine command; fails as {@link VanishedTasks#active} does when there is no such task.
   */
  TaskFacts facts(String taskId) {
    return present(taskId, engineTasks.read(taskId, this::variableNames));
  }

  /** The facts of a task that exists; fails as {@link VanishedTasks#active} does otherwise. */
  TaskFacts present(String taskId, TaskFacts read) {
    if (read.task() == null) {
      vanished.active(taskId); // throws: completed (409) or unknown (404)
    }
    return read;
  }

  /**
   * The variables a task's facts hold: the proposal id and, for a department's task, the
   * department.
   */
  List<String> variableNames(Task task) {
    // an unknown key fails later, after the caller's right to the task was checked
    return taskKeys
        .of(task)
        .flatMap(TaskAccessRule::departmentVariable)
        .map(d -> List.of(HandlingVariables.PROPOSAL_ID, d))
        .orElse(List.of(HandlingVariables.PROPOSAL_ID));
  }

  TaskKey key(Task task) {
    return taskKeys
        .of(task)
        .orElseThrow(
            () -> new IllegalStateException("unknown task key " + task.getTaskDefinitionKey()));
  }

  /** The task's key, if it has a known one. */
  TaskKey keyOrNull(Task task) {
    return taskKeys.of(task).orElse(null);
  }

  long proposalId(Task task) {
    Object id = tasks.getVariable(task.getId(), HandlingVariables.PROPOSAL_ID);
    if (id instanceof Number n) {
      return n.longValue();
    }
    throw vanished.lackingVariables(task);
  }

  long proposalId(TaskFacts facts) {
    if (facts.variables().get(0) instanceof Number n) {
      return n.longValue();
    }
    throw vanished.lackingVariables(facts.task());
  }

  /** The department of the task the facts describe; {@code null} for none. */
  String department(TaskFacts facts, TaskKey key) {
    if (TaskAccessRule.departmentVariable(key).isEmpty()) {
      return null;
    }
    Object value = facts.variables().get(1);
    if (value == null && vanished.gone(facts.task().getId())) {
      throw vanished.completedMeanwhile(facts.task().getId());
    }
    return value == null ? null : value.toString();
  }

  /** The department a task belongs to, read from its variables; {@code null} for none. */
  String departmentOf(Task task, TaskKey key) {
    if (key == null) {
      return null;
    }
    try {
      return TaskAccessRule.departmentVariable(key)
          .map(name -> tasks.getVariable(task.getId(), name))
          .map(Object::toString)
          .orElse(null);
    } catch (RuntimeException e) {
      throw vanished.or(task.getId(), e); // completed meanwhile: a conflict
    }
  }

  /** The process variables a form shows (never the whole variable set). */
  Map<String, Object> context(Task task, TaskKey key) {
    Map<String, Object> context = new java.util.LinkedHashMap<>();
    for (String name : TaskForms.contextVariables(key)) {
      Object value = tasks.getVariable(task.getId(), name);
      if (value != null) {
        context.put(name, value.toString());
      }
    }
    return context;
  }
}
