package org.civicflow.processes;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.civicflow.processes.ProcessTestSupport.at;
import static org.civicflow.processes.ProcessTestSupport.candidateGroups;
import static org.civicflow.processes.ProcessTestSupport.fireAt;
import static org.civicflow.processes.ProcessTestSupport.taskOf;
import static org.civicflow.processes.ProcessTestSupport.timer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code preSessionCheck} (会前落实情况督查), the model proposed for the pre-session check (kept under
 * {@code proposed/} until the engine has its delegate, task steps and starter, so that it is not
 * deployed before): started when the registrar sets the next session's date. Each path, with the
 * test that proves it:
 *
 * <ul>
 *   <li>nothing happens before the time; then the open commitments are listed, the registrar gets
 *       the review and each department with open commitments a report task, and the check ends when
 *       all are done: {@link #theTimerFiresTheRegistrarAndEachDepartmentGetATask()}
 *   <li>a changed date moves the timer: {@link #aChangedDateMovesTheTimer()}
 *   <li>no open commitment: only the registrar's review: {@link
 *       #withoutOpenCommitmentsOnlyTheRegistrarReviews()}
 * </ul>
 */
@Deployment(resources = "proposed/preSessionCheck.bpmn")
class PreSessionCheckProcessTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().build();

  private final JavaDelegate openCommitments = mock(JavaDelegate.class, "openCommitmentsDelegate");
  private List<String> openDepartments = List.of("SCJG", "SWJ");
  private final Date checkAt = at("2022-12-01T09:00:00");

  @BeforeEach
  void setUp() throws Exception {
    init(ENGINE.getProcessEngine());
    ClockUtil.setCurrentTime(at("2022-06-01T10:00:00"));
    Mocks.register("openCommitmentsDelegate", openCommitments);
    doAnswer(
            invocation -> {
              DelegateExecution execution = invocation.getArgument(0);
              execution.setVariable("openCommitmentDepartments", openDepartments);
              return null;
            })
        .when(openCommitments)
        .execute(any());
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            "preSessionCheck",
            "preSessionCheck",
            Map.of("nextSessionDate", at("2022-12-31T00:00:00"), "preSessionCheckAt", checkAt));
  }

  @Test
  void theTimerFiresTheRegistrarAndEachDepartmentGetATask() throws Exception {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt("preSessionCheckDue");
    verify(openCommitments, never()).execute(any());

    fireAt(timer(instance, "preSessionCheckDue"), checkAt);

    verify(openCommitments).execute(any());
    then(candidateGroups(taskOf(instance, "reviewPreSessionCheck"))).containsExactly("registrar");
    List<Task> reports =
        taskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("reportOpenCommitments")
            .list();
    then(reports.stream().flatMap(t -> candidateGroups(t).stream()).toList())
        .containsExactlyInAnyOrder("SCJG-handler", "SWJ-handler");
    then(reports.stream()
            .map(t -> runtimeService().getVariableLocal(t.getExecutionId(), "department"))
            .toList())
        .as("each report task knows its department")
        .containsExactlyInAnyOrder("SCJG", "SWJ");
    for (Task t : reports) {
      complete(t, Map.of());
    }
    assertThat(instance).isWaitingAt("reviewPreSessionCheck").isNotEnded();
    complete(taskOf(instance, "reviewPreSessionCheck"));
    assertThat(instance).hasPassed("checkJoin", "preSessionCheckDone").isEnded();
  }

  @Test
  void aChangedDateMovesTheTimer() {
    ProcessInstance instance = start();
    Date later = at("2023-01-20T09:00:00");
    managementService().setJobDuedate(timer(instance, "preSessionCheckDue").getId(), later);
    runtimeService().setVariable(instance.getId(), "preSessionCheckAt", later);

    fireAt(timer(instance, "preSessionCheckDue"), later);
    assertThat(instance).isWaitingAt("reviewPreSessionCheck", "reportOpenCommitments");
  }

  @Test
  void withoutOpenCommitmentsOnlyTheRegistrarReviews() {
    openDepartments = List.of();
    ProcessInstance instance = start();
    fireAt(timer(instance, "preSessionCheckDue"), checkAt);
    assertThat(instance).isWaitingAt("reviewPreSessionCheck");
    then(taskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("reportOpenCommitments")
            .count())
        .isZero();
    complete(taskOf(instance, "reviewPreSessionCheck"));
    assertThat(instance).isEnded();
  }
}
