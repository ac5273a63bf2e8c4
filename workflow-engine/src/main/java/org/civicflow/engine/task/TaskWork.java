package org.civicflow.engine.task;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.reply.SeparationOfDuties;
import org.civicflow.engine.task.TaskAccessRule.Verdict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Working on tasks: reading, claiming, unclaiming and completing them. Completing records the
 * person's input in the domain and moves the process on in one transaction; two people completing
 * one task get one success and one conflict, never a duplicate. Who may do what is the {@link
 * TaskAccessRule}'s; what a clash with a colleague does, the {@link TaskRetryPolicy}'s; which step
 * records the input, the {@link TaskStepDispatch}'s.
 */
@Service
public class TaskWork {

  private final TaskService tasks;
  private final TaskClashes clashes;
  private final VanishedTasks vanished;
  private final TaskRetryPolicy retries;
  private final TaskAccessRule access;
  private final TaskStepDispatch dispatch;
  private final IdentityService identity;
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final TransactionTemplate readOnly;
  private final TaskLookup lookup;
  private final TaskFacts.Reader engineTasks;

  @org.springframework.beans.factory.annotation.Autowired
  TaskWork(
      org.camunda.bpm.engine.ProcessEngine engine,
      TaskService tasks,
      HistoryService history,
      IdentityService identity,
      List<TaskStep> steps,
      AuditLog audit,
      PlatformTransactionManager transactionManager,
      org.civicflow.domain.identity.UserDirectory users,
      java.time.Clock clock,
      TaskKeys taskKeys,
      SeparationOfDuties separation) {
    this(
        TaskFacts.of(engine),
        tasks,
        history,
        identity,
        steps,
        audit,
        transactionManager,
        users,
        clock,
        taskKeys,
        separation);
  }

  TaskWork(
      TaskFacts.Reader facts,
      TaskService tasks,
      HistoryService history,
      IdentityService identity,
      List<TaskStep> steps,
      AuditLog audit,
      PlatformTransactionManager transactionManager,
      org.civicflow.domain.identity.UserDirectory users,
      java.time.Clock clock,
      TaskKeys taskKeys,
      SeparationOfDuties separation) {
    this.engineTasks = facts;
    this.tasks = tasks;
    this.clashes = new TaskClashes(history, users, clock);
    this.vanished = new VanishedTasks(tasks, clashes);
    this.retries = new TaskRetryPolicy(vanished, clashes);
    this.lookup = new TaskLookup(tasks, taskKeys, facts, vanished);
    this.access = new TaskAccessRule(separation);
    this.dispatch = new TaskStepDispatch(steps, audit);
    this.identity = identity;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  /** The task with its form, if the caller may see it. */
  public TaskView get(String taskId, Caller caller) {
    try {
      return readOnly.execute(status -> view(taskId, caller));
    } catch (RuntimeException e) {
      throw vanished.or(taskId, e);
    }
  }

  private TaskView view(String taskId, Caller caller) {
    TaskFacts facts = lookup.facts(taskId);
    Task task = facts.task();
    if (access.toView(task.getAssignee(), facts::links, caller) != Verdict.MAY) {
      throw denied(caller, task, "task.view");
    }
    TaskKey key = lookup.key(task);
    return new TaskView(
        task.getId(),
        key.name(),
        task.getName(),
        lookup.proposalId(facts),
        lookup.department(facts, key),
        task.getAssignee(),
        task.getCreateTime(),
        task.getDueDate(),
        TaskAccessRule.candidateGroups(facts.links()),
        dispatch.form(key),
        lookup.context(task, key));
  }

  /**
   * Takes the task so that colleagues see it is being worked on. Of several people claiming at the
   * same moment one wins; the others are told who holds it (409).
   */
  public void claim(String taskId, Caller caller) {
    retries.claim(
        taskId,
        caller.username(),
        () -> transactions.executeWithoutResult(status -> claimOnce(taskId, caller)));
  }

  private void claimOnce(String taskId, Caller caller) {
    Task task = vanished.active(taskId);
    switch (access.toClaim(task.getAssignee(), () -> links(taskId), caller)) {
      case NOTHING_TO_DO:
        return;
      case NOT_YOURS:
        throw denied(caller, task, "task.claim");
      case HELD_BY_OTHER:
        throw clashes.claimedBy(task.getAssignee());
      case MAY:
        break;
    }
    TaskKey key = lookup.keyOrNull(task);
    String department = lookup.departmentOf(task, key);
    if (key != null) {
      access.checkSeparation(key, department, () -> lookup.proposalId(task), caller);
    }
    asCaller(
        caller,
        () -> {
          try {
            tasks.claim(taskId, caller.username());
          } catch (TaskAlreadyClaimedException e) {
            throw clashes.claimedBy(e.getTaskAssignee());
          }
          return null;
        });
    audit(caller, "task.claim", task, department);
  }

  /** Gives a claimed task back to the group. */
  @Transactional
  public void unclaim(String taskId, Caller caller) {
    Task task = vanished.active(taskId);
    switch (access.toUnclaim(task.getAssignee(), () -> links(taskId), caller)) {
      case NOTHING_TO_DO:
        return;
      case NOT_YOURS:
        throw denied(caller, task, "task.unclaim");
      case HELD_BY_OTHER:
        throw clashes.claimedBy(task.getAssignee());
      case MAY:
        break;
    }
    asCaller(
        caller,
        () -> {
          tasks.claim(taskId, null);
          return null;
        });
    audit(caller, "task.unclaim", task, lookup.departmentOf(task, lookup.keyOrNull(task)));
  }

  private void audit(Caller caller, String action, Task task, String department) {
    audit.record(
        caller.username(),
        action,
        "proposal",
        String.valueOf(lookup.proposalId(task)),
        task.getTaskDefinitionKey() + (department == null ? "" : " " + department));
  }

  /**
   * Completes the task with the body its key needs.
   *
   * @throws NotFoundException no such task
   * @throws ForbiddenException not the caller's task
   * @throws ConflictException completed meanwhile, or claimed by someone else
   * @throws org.civicflow.domain.common.ValidationException the body is invalid
   */
  public void complete(String taskId, Map<String, Object> body, Caller caller) {
    retries.complete(
        taskId,
        () -> transactions.executeWithoutResult(status -> completeOnce(taskId, body, caller)));
  }

  private void completeOnce(String taskId, Map<String, Object> body, Caller caller) {
    engineTasks.readAndComplete(
        taskId,
        lookup::variableNames,
        facts -> prepareCompletion(taskId, lookup.present(taskId, facts), body, caller));
  }

  /**
   * Checks the caller's right to the task, records their input in the domain (the step) and returns
   * the claim and completion to run as the caller.
   */
  private Runnable prepareCompletion(
      String taskId, TaskFacts facts, Map<String, Object> body, Caller caller) {
    Task task = facts.task();
    switch (access.toComplete(task.getAssignee(), facts::links, caller)) {
      case NOT_YOURS:
        throw denied(caller, task, "task.complete");
      case HELD_BY_OTHER:
        throw clashes.claimedBy(task.getAssignee());
      default:
        break;
    }
    TaskKey key = lookup.key(task);
    TaskContext context =
        new TaskContext(
            taskId,
            key,
            task.getTaskDefinitionKey(),
            lookup.proposalId(facts),
            lookup.department(facts, key),
            task.getProcessInstanceId(),
            caller.username(),
            name -> tasks.getVariable(taskId, name));
    Map<String, Object> variables = dispatch.complete(context, body);
    // whoever completes a task took it: the history then says who did it
    String claimant = task.getAssignee() == null ? caller.username() : null;
    return () ->
        asCaller(
            caller,
            () -> {
              try {
                engineTasks.claimAndComplete(taskId, claimant, variables);
              } catch (TaskAlreadyClaimedException e) {
                throw clashes.claimedBy(e.getTaskAssignee());
              }
              // any other failure: the retry policy tells a task completed meanwhile from a real
              // one
              return null;
            });
  }

  private List<org.camunda.bpm.engine.task.IdentityLink> links(String taskId) {
    return tasks.getIdentityLinksForTask(taskId);
  }

  /**
   * Refuses a caller who is not a candidate — unless the task vanished meanwhile (a colleague
   * completed it between our reads), which is a conflict, not a refusal.
   */
  private RuntimeException denied(Caller caller, Task task, String action) {
    if (vanished.gone(task.getId())) {
      return vanished.completedMeanwhile(task.getId());
    }
    audit.recordDenied(
        caller.username(), action, "task", task.getId(), task.getTaskDefinitionKey());
    return new ForbiddenException("task.notYours");
  }

  private <T> T asCaller(Caller caller, Supplier<T> work) {
    identity.setAuthentication(caller.username(), caller.groups());
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
