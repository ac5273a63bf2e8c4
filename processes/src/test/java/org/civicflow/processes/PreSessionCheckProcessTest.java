package org.civicflow.processes;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.civicflow.processes.ProcessTestSupport.activeTasks;
import static org.civicflow.processes.ProcessTestSupport.at;
import static org.civicflow.processes.ProcessTestSupport.candidateGroups;
import static org.civicflow.processes.ProcessTestSupport.fireAt;
import static org.civicflow.processes.ProcessTestSupport.taskOf;
import static org.civicflow.processes.ProcessTestSupport.timer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code preSessionCheck} (会前落实情况督查) with the {@code commitmentFollowUp} instances it reaches. Each
 * path, with the test that proves it:
 *
 * <ul>
 *   <li>nothing happens before the time; then every open commitment's follow-up notifies the
 *       department and gives its handlers a report task, without interrupting the follow-up; a kept
 *       commitment gets none: {@link #atTheTimeEachOpenCommitmentGetsAReportTask()}
 *   <li>a changed date: the old instance is deleted, the new one's timer holds: {@link
 *       #aDeletedCheckNeverFires()}
 * </ul>
 */
@Deployment(resources = {"bpmn/preSessionCheck.bpmn", "bpmn/commitmentFollowUp.bpmn"})
class PreSessionCheckProcessTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().build();

  private DelegateMocks delegates;
  private final Date checkAt = at("2022-12-01T09:00:00");

  @BeforeEach
  void setUp() throws Exception {
    init(ENGINE.getProcessEngine());
    ClockUtil.setCurrentTime(at("2022-06-01T10:00:00"));
    delegates = new DelegateMocks();
    doAnswer(
            invocation -> {
              DelegateExecution execution = invocation.getArgument(0);
              execution.setVariable(CommitmentFollowUpVariables.ALL_COMMITMENTS_KEPT, false);
              return null;
            })
        .when(delegates.get("commitmentsKeptDelegate"))
        .execute(any());
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private ProcessInstance check(String date, Date at) {
    return runtimeService()
        .startProcessInstanceByKey(
            "preSessionCheck",
            "presession:" + date,
            Map.of(
                PreSessionCheckVariables.NEXT_SESSION_DATE,
                date,
                PreSessionCheckVariables.PRE_SESSION_CHECK_AT,
                at));
  }

  private ProcessInstance followUp(long commitmentId, String department) {
    return runtimeService()
        .startProcessInstanceByKey(
            "commitmentFollowUp",
            "42",
            Map.of(
                CommitmentFollowUpVariables.PROPOSAL_ID,
                42L,
                CommitmentFollowUpVariables.DEPARTMENT,
                department,
                CommitmentFollowUpVariables.COMMITMENT_ID,
                commitmentId,
                CommitmentFollowUpVariables.COMMITMENT_DUE_DATE,
                at("2023-06-01T00:00:00"),
                CommitmentFollowUpVariables.COMMITMENT_REMINDER_1_AT,
                at("2023-05-15T09:00:00"),
                CommitmentFollowUpVariables.COMMITMENT_REMINDER_2_AT,
                at("2023-05-28T09:00:00")));
  }

  private void keep(ProcessInstance instance) {
    complete(
        taskOf(instance, "reportCommitment"),
        withVariables(CommitmentFollowUpVariables.COMMITMENT_REPORT_KIND, "KEPT"));
    complete(
        taskOf(instance, "reviewCommitmentReport"),
        withVariables(CommitmentFollowUpVariables.COMMITMENT_REVIEW_DECISION, "APPROVE"));
    complete(
        taskOf(instance, "signSupplementaryReply"),
        withVariables(CommitmentFollowUpVariables.SUPPLEMENTARY_DECISION, "APPROVE"));
    execute(
        managementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId("sendSupplementaryReply")
            .singleResult());
  }

  @Test
  void atTheTimeEachOpenCommitmentGetsAReportTask() throws Exception {
    ProcessInstance open1 = followUp(7L, "SCJG");
    ProcessInstance open2 = followUp(8L, "SWJ");
    ProcessInstance kept = followUp(9L, "SCJG");
    keep(kept);
    assertThat(kept).isEnded();
    ProcessInstance check = check("2022-12-31", checkAt);

    fireAt(timer(check, "preSessionCheckDue"), checkAt);
    // the signal reaches each open follow-up as its own job
    for (Job job : managementService().createJobQuery().executable().list()) {
      execute(job);
    }
    assertThat(check).hasPassed("openCommitmentsToReport").isEnded();
    verify(delegates.get("preSessionNoticeDelegate"), times(2)).execute(any());
    then(candidateGroups(taskOf(open1, "reportBeforeSession"))).containsExactly("SCJG-handler");
    then(candidateGroups(taskOf(open2, "reportBeforeSession"))).containsExactly("SWJ-handler");
    // the follow-up goes on: the handler may still report progress or fulfilment
    assertThat(open1).isWaitingAt("reportCommitment", "reportBeforeSession");

    complete(taskOf(open1, "reportBeforeSession"));
    assertThat(open1).hasPassed("reportedBeforeSession").isWaitingAt("reportCommitment");
    then(activeTasks(open1, "reportBeforeSession")).isZero();
  }

  @Test
  void aDeletedCheckNeverFires() throws Exception {
    ProcessInstance open = followUp(7L, "SCJG");
    ProcessInstance old = check("2022-12-31", checkAt);
    runtimeService().deleteProcessInstance(old.getId(), "next session moved");
    Date later = at("2023-01-20T09:00:00");
    ProcessInstance moved = check("2023-02-20", later);

    ClockUtil.setCurrentTime(at("2022-12-02T10:00:00"));
    then(managementService().createJobQuery().executable().count()).isZero();
    then(activeTasks(open, "reportBeforeSession")).isZero();
    fireAt(timer(moved, "preSessionCheckDue"), later);
    for (Job job : managementService().createJobQuery().executable().list()) {
      execute(job);
    }
    then(activeTasks(open, "reportBeforeSession")).isEqualTo(1);
  }
}
