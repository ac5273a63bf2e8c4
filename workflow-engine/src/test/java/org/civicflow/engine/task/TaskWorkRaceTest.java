package org.civicflow.engine.task;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.processes.HandlingVariables;
import org.civicflow.processes.ProposalHandlingVariables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * A task completed on another node between two of our reads: at READ COMMITTED the task row is
 * still seen, its process's variables no longer. Found by TwoNodeClusterIT (a 500 with a
 * NullPointerException); it is a conflict (409) like any completion that came second.
 */
class TaskWorkRaceTest {

  static final String TASK = "t-1";

  TaskService tasks = mock(TaskService.class);
  HistoryService history = mock(HistoryService.class, RETURNS_DEEP_STUBS);
  TaskKeys keys = mock(TaskKeys.class);
  TaskQuery query = mock(TaskQuery.class);
  List<TaskStep> steps =
      Arrays.stream(TaskKey.values())
          .map(
              k -> {
                TaskStep step = mock(TaskStep.class);
                when(step.key()).thenReturn(k);
                return step;
              })
          .toList();
  Caller registrar = new Caller("registrar", null, Set.of(Role.REGISTRAR), List.of("registrar"));
  Caller handler =
      new Caller("scjg.handler", "SCJG", Set.of(Role.HANDLER), List.of("SCJG-handler"));
  TaskWork work;

  @BeforeEach
  void aTaskThatAnotherNodeCompletesWhileWeRead() {
    PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    work =
        new TaskWork(
            // as the engine commands read and complete: through the task service
            new TaskFacts.Reader() {
              @Override
              public TaskFacts read(
                  String id, java.util.function.Function<Task, List<String>> names) {
                Task found = tasks.createTaskQuery().taskId(id).singleResult();
                if (found == null) {
                  return new TaskFacts(null, List.of(), List.of());
                }
                List<Object> values = new java.util.ArrayList<>();
                for (String name : names.apply(found)) {
                  values.add(tasks.getVariable(id, name));
                }
                return new TaskFacts(found, tasks.getIdentityLinksForTask(id), values);
              }

              @Override
              public void claimAndComplete(
                  String id, String assignee, java.util.Map<String, Object> variables) {
                if (assignee != null) {
                  tasks.claim(id, assignee);
                }
                tasks.complete(id, variables);
              }
            },
            tasks,
            history,
            mock(IdentityService.class),
            steps,
            mock(AuditLog.class),
            transactions,
            mock(UserDirectory.class),
            Clock.systemUTC(),
            keys,
            mock(org.civicflow.domain.reply.SeparationOfDuties.class));
    Task task = mock(Task.class);
    when(task.getId()).thenReturn(TASK);
    when(task.getTaskDefinitionKey()).thenReturn("draftReply");
    when(tasks.createTaskQuery()).thenReturn(query);
    when(query.taskId(TASK)).thenReturn(query);
    // the first read still finds the task; afterwards it is gone
    when(query.singleResult()).thenReturn(task);
    when(query.count()).thenReturn(0L);
    when(tasks.getVariable(anyString(), anyString())).thenReturn(null);
    when(history.createHistoricTaskInstanceQuery().taskId(TASK).singleResult()).thenReturn(null);
    IdentityLink candidates = mock(IdentityLink.class);
    when(candidates.getType()).thenReturn(IdentityLinkType.CANDIDATE);
    when(candidates.getGroupId()).thenReturn("SCJG-handler");
    when(tasks.getIdentityLinksForTask(TASK)).thenReturn(List.of(candidates));
  }

  @Test
  void completingIsAConflictNotAFailure() {
    when(keys.of(any(Task.class))).thenReturn(Optional.of(TaskKey.draftReply));
    assertThatThrownBy(() -> work.complete(TASK, java.util.Map.of(), handler))
        .isInstanceOf(ConflictException.class);
    steps.forEach(s -> verify(s, never()).complete(any(), any()));
  }

  @Test
  void readingIsAConflictNotAFailure() {
    when(keys.of(any(Task.class))).thenReturn(Optional.of(TaskKey.draftReply));
    assertThatThrownBy(() -> work.get(TASK, handler)).isInstanceOf(ConflictException.class);
  }

  @Test
  void theEngineTrippingOverTheMissingExecutionIsAConflictToo() {
    when(keys.of(any(Task.class))).thenReturn(Optional.of(TaskKey.draftReply));
    // Camunda's authorization check on a task whose execution is gone (seen on MariaDB)
    when(tasks.getVariable(anyString(), anyString()))
        .thenThrow(new NullPointerException("\"execution\" is null"));
    assertThatThrownBy(() -> work.complete(TASK, java.util.Map.of(), handler))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> work.get(TASK, handler)).isInstanceOf(ConflictException.class);
  }

  @Test
  void aFailureOnATaskThatStillExistsStaysAFailure() {
    when(keys.of(any(Task.class))).thenReturn(Optional.of(TaskKey.draftReply));
    when(query.count()).thenReturn(1L);
    when(tasks.getVariable(anyString(), anyString()))
        .thenThrow(new IllegalStateException("broken"));
    assertThatThrownBy(() -> work.complete(TASK, java.util.Map.of(), handler))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("broken");
  }

  @Test
  void aRegistrarsTaskToo() {
    when(keys.of(any(Task.class))).thenReturn(Optional.of(TaskKey.reviewAcceptance));
    when(tasks.getIdentityLinksForTask(TASK))
        .thenReturn(
            List.of(
                new org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity() {
                  @Override
                  public String getType() {
                    return IdentityLinkType.CANDIDATE;
                  }

                  @Override
                  public String getGroupId() {
                    return "registrar";
                  }
                }));
    assertThatThrownBy(() -> work.complete(TASK, java.util.Map.of(), registrar))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aColleagueSavingTheSameProposalMeanwhileIsRetriedNotRefused() {
    // four departments sign for at the same moment: each moves the proposal's status, and all but
    // the first find its version moved on — they retry on top of the other change (seen in CI)
    TaskStep signFor = aSignForOfProposal7();
    when(signFor.complete(any(), any()))
        .thenThrow(
            new org.civicflow.domain.common.ConcurrentChangeException(
                "proposal.concurrentChange", 7L))
        .thenReturn(java.util.Map.of(ProposalHandlingVariables.SIGN_FOR_DECISION, "ACCEPT"));
    work.complete(TASK, java.util.Map.of("decision", "ACCEPT"), handler);
    verify(signFor, org.mockito.Mockito.times(2)).complete(any(), any());
    verify(tasks)
        .complete(TASK, java.util.Map.of(ProposalHandlingVariables.SIGN_FOR_DECISION, "ACCEPT"));
  }

  @Test
  void aConflictOfItsOwnIsNotRetried() {
    TaskStep signFor = aSignForOfProposal7();
    when(signFor.complete(any(), any())).thenThrow(new ConflictException("assignment.notOpen"));
    assertThatThrownBy(() -> work.complete(TASK, java.util.Map.of(), handler))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("assignment.notOpen");
    verify(signFor, org.mockito.Mockito.times(1)).complete(any(), any());
  }

  /** The task is SCJG's sign-for of proposal 7, still there; its step. */
  private TaskStep aSignForOfProposal7() {
    when(keys.of(any(Task.class))).thenReturn(Optional.of(TaskKey.signFor));
    when(tasks.getVariable(TASK, HandlingVariables.PROPOSAL_ID)).thenReturn(7L);
    when(tasks.getVariable(TASK, HandlingVariables.DEPARTMENT)).thenReturn("SCJG");
    return steps.get(TaskKey.signFor.ordinal());
  }
}
