package org.civicflow.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The dispatch picks the step of the task's key, and records the completion it made. */
class TaskStepDispatchTest {

  AuditLog audit = mock(AuditLog.class);
  List<TaskStep> steps = Arrays.stream(TaskKey.values()).map(TaskStepDispatchTest::step).toList();
  TaskStepDispatch dispatch = new TaskStepDispatch(steps, audit);

  @Test
  void theStepOfTheKeyGetsTheBodyAndItsVariablesCompleteTheTask() {
    TaskStep signOff = steps.get(TaskKey.signOff.ordinal());
    when(signOff.complete(any(), any())).thenReturn(Map.of("signOffDecision", "APPROVE"));
    TaskContext task = task(TaskKey.signOff, "SCJG");

    assertThat(dispatch.complete(task, Map.of("decision", "APPROVE")))
        .isEqualTo(Map.of("signOffDecision", "APPROVE"));

    ArgumentCaptor<TaskBody> body = ArgumentCaptor.forClass(TaskBody.class);
    verify(signOff).complete(org.mockito.ArgumentMatchers.same(task), body.capture());
    assertThat(body.getValue().text("decision", true)).isEqualTo("APPROVE");
    steps.stream()
        .filter(s -> s != signOff)
        .forEach(s -> verify(s, never()).complete(any(), any()));
  }

  @Test
  void theCompletionIsAuditedWithTheTasksDepartment() {
    dispatch.complete(task(TaskKey.signOff, "SCJG"), Map.of());
    verify(audit).record("scjg.leader", "task.complete", "proposal", "7", "signOff SCJG");
    dispatch.complete(task(TaskKey.reviewAcceptance, null), Map.of());
    verify(audit).record("scjg.leader", "task.complete", "proposal", "7", "reviewAcceptance");
  }

  @Test
  void aBodyTheStepRefusesIsNotAudited() {
    TaskStep draft = steps.get(TaskKey.draftReply.ordinal());
    when(draft.complete(any(), any()))
        .thenThrow(ValidationException.of("content", "validation.required"));
    assertThatThrownBy(() -> dispatch.complete(task(TaskKey.draftReply, "SCJG"), Map.of()))
        .isInstanceOf(ValidationException.class);
    verifyNoInteractions(audit);
  }

  @Test
  void aKeyWithoutAStepFailsAtStart() {
    List<TaskStep> lacking = steps.stream().filter(s -> s.key() != TaskKey.giveFeedback).toList();
    assertThatThrownBy(() -> new TaskStepDispatch(lacking, audit))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("giveFeedback");
    verify(audit, never()).record(anyString(), anyString(), anyString(), anyString(), anyString());
  }

  private static TaskStep step(TaskKey key) {
    TaskStep step = mock(TaskStep.class);
    when(step.key()).thenReturn(key);
    when(step.complete(any(), any())).thenReturn(Map.of());
    return step;
  }

  private static TaskContext task(TaskKey key, String department) {
    return new TaskContext(
        "t-1", key, key.name(), 7L, department, "p-1", "scjg.leader", name -> null);
  }
}
