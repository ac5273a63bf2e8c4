package org.civicflow.engine.task;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.reply.ReviewStage;
import org.civicflow.domain.reply.SeparationOfDuties;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.engine.support.TransientFailures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Working on tasks: reading, claiming, unclaiming and completing them. Completing records the
 * person's input in the domain and moves the process on in one transaction; two people completing
 * one task get one success and one conflict, never a duplicate.
 */
@Service
public class TaskWork {

  /** A completion that collides with a concurrent change is tried again this often. */
  static final int MAX_ATTEMPTS = 5;

  private final TaskService tasks;
  private final TaskClashes clashes;
  private final IdentityService identity;
  private final Map<TaskKey, TaskStep> steps = new EnumMap<>(TaskKey.class);
  private final AuditLog audit;
  private final TransactionTemplate transactions;
  private final TransactionTemplate readOnly;
  private final TaskKeys taskKeys;
  private final TaskFacts.Reader engineTasks;
  private final SeparationOfDuties separation;

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
    this.taskKeys = taskKeys;
    this.separation = separation;
    this.engineTasks = facts;
    this.tasks = tasks;
    this.clashes = new TaskClashes(history, users, clock);
    this.identity = identity;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    steps.forEach(s -> this.steps.put(s.key(), s));
    for (TaskKey key : TaskKey.values()) {
      if (!this.steps.containsKey(key)) {
        throw new IllegalStateException("no step for task key " + key);
      }
    }
  }

  /** The task with its form, if the caller may see it. */
  public TaskView get(String taskId, Caller caller) {
    try {
      return readOnly.execute(status -> view(taskId, caller));
    } catch (RuntimeException e) {
      throw vanishedOr(taskId, e);
    }
  }

  private TaskView view(String taskId, Caller caller) {
    TaskFacts facts = facts(taskId);
    Task task = facts.task();
    List<String> groups = candidateGroups(facts.links());
    if (!caller.username().equals(task.getAssignee()) && !isCandidate(facts.links(), caller)) {
      throw denied(caller, task, "task.view");
    }
    TaskKey key = key(task);
    return new TaskView(
        task.getId(),
        key.name(),
        task.getName(),
        proposalId(facts),
        department(facts, key),
        task.getAssignee(),
        task.getCreateTime(),
        task.getDueDate(),
        groups,
        steps.get(key).form(),
        context(task, key));
  }

  /** The process variables a form shows (never the whole variable set). */
  private Map<String, Object> context(Task task, TaskKey key) {
    List<String> names =
        switch (key) {
          case assignDepartments -> List.of("suggestedLead");
          case decideExtension -> List.of("requestedExtensionDate", "extensionReason");
          case reportCommitment,
              reviewCommitmentReport,
              signSupplementaryReply,
              superviseCommitment,
              decideResultCategory ->
              List.of("commitmentId");
          default -> List.of();
        };
    Map<String, Object> context = new java.util.LinkedHashMap<>();
    for (String name : names) {
      Object value = tasks.getVariable(task.getId(), name);
      if (value != null) {
        context.put(name, value.toString());
      }
    }
    return context;
  }

  /**
   * Takes the task so that colleagues see it is being worked on. Of several people claiming at the
   * same moment one wins; the others are told who holds it (409).
   */
  public void claim(String taskId, Caller caller) {
    try {
      transactions.executeWithoutResult(status -> claimOnce(taskId, caller));
    } catch (RuntimeException e) {
      if (!TransientFailures.isTransient(e)) {
        throw e;
      }
      // a colleague's claim (or completion) changed the task in the same moment
      Task now = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (now == null) {
        throw completedMeanwhile(taskId);
      }
      if (!caller.username().equals(now.getAssignee())) {
        throw clashes.claimedBy(now.getAssignee());
      }
    }
  }

  private void claimOnce(String taskId, Caller caller) {
    Task task = active(taskId);
    if (caller.username().equals(task.getAssignee())) {
      return;
    }
    if (!isCandidate(taskId, caller)) {
      // checked first: a stranger learns nothing about the task, not even who holds it
      throw denied(caller, task, "task.claim");
    }
    if (task.getAssignee() != null) {
      throw clashes.claimedBy(task.getAssignee());
    }
    TaskKey key = taskKeys.of(task).orElse(null);
    String department = departmentOf(task, key);
    checkSeparation(task, key, department, caller);
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
    audit.record(
        caller.username(),
        "task.claim",
        "proposal",
        String.valueOf(proposalId(task)),
        task.getTaskDefinitionKey() + (department == null ? "" : " " + department));
  }

  /**
   * A review or sign-off step (or a further approval with one of their forms) is not for the author
   * of the draft it decides, nor for someone who already approved that version: refused with the
   * rule's message (403), as completing it would be.
   */
  private void checkSeparation(Task task, TaskKey key, String department, Caller caller) {
    ReviewStage stage =
        key == TaskKey.reviewDraft
            ? ReviewStage.REVIEW
            : key == TaskKey.signOff ? ReviewStage.SIGN_OFF : null;
    if (stage != null && department != null) {
      separation.checkMayDecide(proposalId(task), department, stage, caller.username());
    }
  }

  /** The department a task belongs to, read from its variables; {@code null} for none. */
  private String departmentOf(Task task, TaskKey key) {
    if (key == null) {
      return null;
    }
    try {
      return departmentVariable(key)
          .map(name -> tasks.getVariable(task.getId(), name))
          .map(Object::toString)
          .orElse(null);
    } catch (RuntimeException e) {
      throw vanishedOr(task.getId(), e); // completed meanwhile: a conflict
    }
  }

  /** Gives a claimed task back to the group. */
  @Transactional
  public void unclaim(String taskId, Caller caller) {
    Task task = active(taskId);
    boolean assignee = caller.username().equals(task.getAssignee());
    if (!assignee && !isCandidate(taskId, caller)) {
      // checked first: a stranger learns nothing about the task, not even that it is free
      throw denied(caller, task, "task.unclaim");
    }
    if (task.getAssignee() == null) {
      return;
    }
    if (!assignee) {
      throw clashes.claimedBy(task.getAssignee());
    }
    asCaller(
        caller,
        () -> {
          tasks.claim(taskId, null);
          return null;
        });
    String department = departmentOf(task, taskKeys.of(task).orElse(null));
    audit.record(
        caller.username(),
        "task.unclaim",
        "proposal",
        String.valueOf(proposalId(task)),
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
    for (int attempt = 1; ; attempt++) {
      try {
        transactions.executeWithoutResult(status -> completeOnce(taskId, body, caller));
        return;
      } catch (NullValueException | org.camunda.bpm.engine.exception.NotFoundException gone) {
        // the task vanished between our reads: a colleague completed it
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
          throw completedMeanwhile(taskId);
        }
        throw gone;
      } catch (RuntimeException e) {
        if (!TransientFailures.isTransient(e)) {
          throw vanishedOr(taskId, e);
        }
        if (attempt >= MAX_ATTEMPTS) {
          throw new ConflictException("task.concurrentChange");
        }
        backOff(attempt);
      }
    }
  }

  /**
   * Waits a little, longer after each attempt and by a random amount, so that colleagues completing
   * parallel steps of one proposal at the same moment (joining branches clash on the same
   * execution) do not clash again on the retry.
   */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(10, 40) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException("task.concurrentChange");
    }
  }

  /**
   * What the engine trips over when a task vanishes between two of our reads (a colleague on this
   * or another node completed it; at READ COMMITTED the task row was seen, its execution or
   * variables no longer) — a missing execution, a null variable — is a conflict, not a failure. Our
   * own refusals (validation, permission, conflict) pass unchanged.
   */
  private RuntimeException vanishedOr(String taskId, RuntimeException failure) {
    if (!(failure instanceof DomainException)
        && tasks.createTaskQuery().taskId(taskId).count() == 0) {
      return completedMeanwhile(taskId);
    }
    return failure;
  }

  private void completeOnce(String taskId, Map<String, Object> body, Caller caller) {
    engineTasks.readAndComplete(
        taskId,
        this::variableNames,
        facts -> prepareCompletion(taskId, present(taskId, facts), body, caller));
  }

  /**
   * Checks the caller's right to the task, records their input in the domain (the step) and returns
   * the claim and completion to run as the caller.
   */
  private Runnable prepareCompletion(
      String taskId, TaskFacts facts, Map<String, Object> body, Caller caller) {
    Task task = facts.task();
    if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
      if (!isCandidate(facts.links(), caller)) {
        throw denied(caller, task, "task.complete");
      }
      throw clashes.claimedBy(task.getAssignee());
    }
    if (task.getAssignee() == null && !isCandidate(facts.links(), caller)) {
      throw denied(caller, task, "task.complete");
    }
    TaskKey key = key(task);
    TaskContext context =
        new TaskContext(
            taskId,
            key,
            task.getTaskDefinitionKey(),
            proposalId(facts),
            department(facts, key),
            task.getProcessInstanceId(),
            caller.username(),
            name -> tasks.getVariable(taskId, name));
    Map<String, Object> variables = steps.get(key).complete(context, new TaskBody(body));
    audit.record(
        caller.username(),
        "task.complete",
        "proposal",
        String.valueOf(context.proposalId()),
        key.name() + (context.department() == null ? "" : " " + context.department()));
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
              // any other failure: complete() tells a task completed meanwhile from a real one
              return null;
            });
  }

  /**
   * The task, its links, its proposal id and (for a departmental task) its department, in one
   * engine command; fails as {@link #active} does when there is no such task.
   */
  private TaskFacts facts(String taskId) {
    return present(taskId, engineTasks.read(taskId, this::variableNames));
  }

  /** The facts of a task that exists; fails as {@link #active} does otherwise. */
  private TaskFacts present(String taskId, TaskFacts read) {
    if (read.task() == null) {
      active(taskId); // throws: completed (409) or unknown (404)
    }
    return read;
  }

  /**
   * The variables a task's facts hold: the proposal id and, for a department's task, the
   * department.
   */
  private List<String> variableNames(Task task) {
    // an unknown key fails later, after the caller's right to the task was checked
    return taskKeys
        .of(task)
        .flatMap(TaskWork::departmentVariable)
        .map(d -> List.of(ProcessVariables.PROPOSAL_ID, d))
        .orElse(List.of(ProcessVariables.PROPOSAL_ID));
  }

  private Task active(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw clashes.completed(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
    }
    return task;
  }

  private ConflictException completedMeanwhile(String taskId) {
    return clashes.completedMeanwhile(taskId);
  }

  private boolean isCandidate(String taskId, Caller caller) {
    return isCandidate(tasks.getIdentityLinksForTask(taskId), caller);
  }

  private static boolean isCandidate(List<IdentityLink> links, Caller caller) {
    for (IdentityLink link : links) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (caller.username().equals(link.getUserId())
          || (link.getGroupId() != null && caller.groups().contains(link.getGroupId()))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> candidateGroups(List<IdentityLink> links) {
    return links.stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /**
   * Refuses a caller who is not a candidate — unless the task vanished meanwhile (a colleague
   * completed it between our reads), which is a conflict, not a refusal.
   */
  private RuntimeException denied(Caller caller, Task task, String action) {
    if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
      return completedMeanwhile(task.getId());
    }
    audit.recordDenied(
        caller.username(), action, "task", task.getId(), task.getTaskDefinitionKey());
    return new ForbiddenException("task.notYours");
  }

  private TaskKey key(Task task) {
    return taskKeys
        .of(task)
        .orElseThrow(
            () -> new IllegalStateException("unknown task key " + task.getTaskDefinitionKey()));
  }

  private long proposalId(Task task) {
    Object id = tasks.getVariable(task.getId(), ProcessVariables.PROPOSAL_ID);
    if (id instanceof Number n) {
      return n.longValue();
    }
    throw vanished(task);
  }

  private long proposalId(TaskFacts facts) {
    if (facts.variables().get(0) instanceof Number n) {
      return n.longValue();
    }
    throw vanished(facts.task());
  }

  /**
   * A variable of a task that was just found is missing: someone (on this node or another one)
   * completed the task between our reads, and at READ COMMITTED we saw the task row before that
   * commit and its process's variables after it. That is a conflict, not a failure.
   */
  private RuntimeException vanished(Task task) {
    if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
      return completedMeanwhile(task.getId());
    }
    return new IllegalStateException(
        "task " + task.getId() + " (" + task.getTaskDefinitionKey() + ") lacks its variables");
  }

  /** The variable naming the task's department, if the task belongs to one. */
  private static java.util.Optional<String> departmentVariable(TaskKey key) {
    boolean departmental =
        !key.isRegistrars()
            || key == TaskKey.decideReassignment
            || key == TaskKey.decideExtension
            || key == TaskKey.superviseOverdue
            || key == TaskKey.confirmNonDisclosure
            || key == TaskKey.superviseCommitment
            || key == TaskKey.decideResultCategory;
    if (!departmental) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        key == TaskKey.coHandlingOpinion
            ? ProcessVariables.CO_DEPARTMENT
            : ProcessVariables.DEPARTMENT);
  }

  private String department(TaskFacts facts, TaskKey key) {
    if (departmentVariable(key).isEmpty()) {
      return null;
    }
    Object value = facts.variables().get(1);
    if (value == null && tasks.createTaskQuery().taskId(facts.task().getId()).count() == 0) {
      throw completedMeanwhile(facts.task().getId());
    }
    return value == null ? null : value.toString();
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
