package org.civicflow.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.common.DomainException;

/**
 * What a task step needs to know about a task before acting on it — the task, its identity links
 * and the process variables it names — read in one engine command, so that the task, its execution,
 * its process definition and the variables of its scope are loaded once instead of once per {@code
 * TaskService} call. Read without an authenticated user, as the separate calls were: the caller's
 * right to the task is checked by {@link TaskWork} on these links, and the engine checks its own
 * authorizations when the caller then claims or completes the task.
 *
 * @param task {@code null} when there is no such active task
 * @param variables the named variables' values ({@code null} when missing)
 */
record TaskFacts(Task task, List<IdentityLink> links, List<Object> variables) {

  /** Reads and completes tasks, each in one engine command. */
  interface Reader {
    /** The facts of a task; {@code variableNames} may depend on the task (its key). */
    TaskFacts read(String taskId, Function<Task, List<String>> variableNames);

    /**
     * Completes the task as the authenticated user, taking it for {@code assignee} first (unless
     * {@code null}) so that its history says who completed it — in one command (the task, its
     * execution and definition loaded once, one flush). The engine checks the caller's right to
     * work on the task once, as the completion's.
     */
    void claimAndComplete(String taskId, String assignee, Map<String, Object> variables);

    /**
     * Reads the task's facts, hands them to {@code work}, and runs the completion {@code work}
     * returns. The engine's reader does all of it in one command, so that the completion finds the
     * task, its execution, its variables and links already loaded; a refusal of {@code work} (a
     * {@link DomainException}) is thrown after that command, which then completed nothing (Camunda
     * logs what is thrown inside a command, and a refusal is no failure). This default, for test
     * doubles, reads and completes one after the other.
     */
    default void readAndComplete(
        String taskId,
        Function<Task, List<String>> variableNames,
        Function<TaskFacts, Runnable> work) {
      work.apply(read(taskId, variableNames)).run();
    }
  }

  /** The reader of the running engine. */
  static Reader of(org.camunda.bpm.engine.ProcessEngine engine) {
    var commands =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    return new Reader() {
      @Override
      public TaskFacts read(String taskId, Function<Task, List<String>> variableNames) {
        return commands.execute(TaskFacts.read(taskId, variableNames));
      }

      @Override
      public void readAndComplete(
          String taskId,
          Function<Task, List<String>> variableNames,
          Function<TaskFacts, Runnable> work) {
        DomainException refused =
            commands.execute(
                context -> {
                  Runnable completion;
                  try {
                    completion = work.apply(TaskFacts.read(taskId, variableNames).execute(context));
                  } catch (DomainException e) {
                    return e;
                  }
                  // the claim and completion's own command joins this one (same entity cache)
                  completion.run();
                  return null;
                });
        if (refused != null) {
          throw refused;
        }
      }

      @Override
      public void claimAndComplete(String taskId, String assignee, Map<String, Object> variables) {
        commands.execute(
            context -> {
              if (assignee != null) {
                takeOver(context.getTaskManager().findTaskById(taskId), assignee);
              }
              // checks the caller's right to work on the task (TASK_WORK) as a claim would
              return new CompleteTaskCmd(taskId, variables, false, false).execute(context);
            });
      }
    };
  }

  /**
   * Makes {@code assignee} the task's assignee for its completion in the same command: the
   * completion's history then names them. Not a {@code TaskService.claim}: that would also grant
   * the assignee an authorization on the task, update the task's history and log the claim — rows
   * the completion deletes or supersedes a moment later in the same transaction. The right to work
   * on the task is the completion's check, the same a claim makes. A task claimed by someone else
   * meanwhile is refused as a claim would refuse it; a missing task is left to the completion to
   * report.
   */
  private static void takeOver(TaskEntity task, String assignee) {
    if (task == null || assignee.equals(task.getAssignee())) {
      return;
    }
    if (task.getAssignee() != null) {
      throw new TaskAlreadyClaimedException(task.getId(), task.getAssignee());
    }
    task.setAssigneeWithoutCascade(assignee);
  }

  static Command<TaskFacts> read(String taskId, Function<Task, List<String>> variableNames) {
    return (CommandContext context) -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return new TaskFacts(null, List.of(), List.of());
      }
      List<IdentityLink> links = new ArrayList<>();
      for (IdentityLinkEntity link : task.getIdentityLinks()) {
        links.add(link);
      }
      List<Object> values = new ArrayList<>();
      for (String name : variableNames.apply(task)) {
        values.add(task.getVariable(name));
      }
      return new TaskFacts(task, List.copyOf(links), values);
    };
  }
}
