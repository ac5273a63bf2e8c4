package org.civicflow.processes;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.civicflow.processes.ProcessTestSupport.activeTasks;
import static org.civicflow.processes.ProcessTestSupport.at;
import static org.civicflow.processes.ProcessTestSupport.candidateGroups;
import static org.civicflow.processes.ProcessTestSupport.createdTasks;
import static org.civicflow.processes.ProcessTestSupport.fireAt;
import static org.civicflow.processes.ProcessTestSupport.taskOf;
import static org.civicflow.processes.ProcessTestSupport.timer;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code commitmentFollowUp}: one commitment of a sent reply followed to delivery (rule 11). Each
 * path, with the test that proves it:
 *
 * <ul>
 *   <li>reminders before the date, without interrupting the work: {@link
 *       #remindersFireBeforeTheDateWithoutInterruptingTheReport()}
 *   <li>progress reports reviewed by the department's reviewer, then fulfilment signed by its
 *       leader as a supplementary reply, sent as a job; the registrar decides the result category
 *       once every commitment is kept: {@link
 *       #progressThenFulfilmentSignedAsASupplementaryReplyThenTheCategoryIsDecided()}
 *   <li>a kept commitment while others are open ends without a category decision: {@link
 *       #aKeptCommitmentWithOthersStillOpenEndsWithoutADecision()}
 *   <li>the reviewer returns a report, the leader returns a fulfilment: both back to the handler:
 *       {@link #returnsByTheReviewerAndTheLeaderGoBackToTheHandler()}
 *   <li>the date passes without fulfilment: overdue, the registrar supervises it, and it may still
 *       be kept late: {@link #theDatePassesTheRegistrarSupervisesAndItIsKeptLate()}
 * </ul>
 */
@Deployment(resources = "bpmn/commitmentFollowUp.bpmn")
class CommitmentFollowUpProcessTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().build();

  private DelegateMocks delegates;
  private boolean allKept = true;

  private final Date due = at("2022-12-01T00:00:00");
  private final Date reminder1 = at("2022-11-16T09:00:00");
  private final Date reminder2 = at("2022-11-28T09:00:00");

  @BeforeEach
  void setUp() throws Exception {
    init(ENGINE.getProcessEngine());
    ClockUtil.setCurrentTime(at("2022-06-01T10:00:00"));
    delegates = new DelegateMocks();
    doAnswer(
            invocation -> {
              DelegateExecution execution = invocation.getArgument(0);
              execution.setVariable(CommitmentFollowUpVariables.ALL_COMMITMENTS_KEPT, allKept);
              return null;
            })
        .when(delegate("commitmentsKeptDelegate"))
        .execute(any());
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private JavaDelegate delegate(String bean) {
    return delegates.get(bean);
  }

  private ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            "commitmentFollowUp",
            "42",
            Map.of(
                CommitmentFollowUpVariables.PROPOSAL_ID,
                42L,
                CommitmentFollowUpVariables.DEPARTMENT,
                "SCJG",
                CommitmentFollowUpVariables.COMMITMENT_ID,
                7L,
                CommitmentFollowUpVariables.COMMITMENT_DUE_DATE,
                due,
                CommitmentFollowUpVariables.COMMITMENT_REMINDER_1_AT,
                reminder1,
                CommitmentFollowUpVariables.COMMITMENT_REMINDER_2_AT,
                reminder2));
  }

  private void report(ProcessInstance instance, String kind) {
    complete(
        taskOf(instance, "reportCommitment"),
        withVariables(CommitmentFollowUpVariables.COMMITMENT_REPORT_KIND, kind));
  }

  private void review(ProcessInstance instance, String decision) {
    complete(
        taskOf(instance, "reviewCommitmentReport"),
        withVariables(CommitmentFollowUpVariables.COMMITMENT_REVIEW_DECISION, decision));
  }

  @Test
  void progressThenFulfilmentSignedAsASupplementaryReplyThenTheCategoryIsDecided()
      throws Exception {
    ProcessInstance instance = start();
    assertThat(instance).isWaitingAt("reportCommitment");
    then(candidateGroups(taskOf(instance, "reportCommitment"))).containsExactly("SCJG-handler");

    report(instance, "PROGRESS");
    then(candidateGroups(taskOf(instance, "reviewCommitmentReport")))
        .containsExactly("SCJG-reviewer");
    review(instance, "APPROVE");
    assertThat(instance).isWaitingAt("reportCommitment");

    report(instance, "KEPT");
    review(instance, "APPROVE");
    then(candidateGroups(taskOf(instance, "signSupplementaryReply")))
        .containsExactly("SCJG-leader");
    complete(
        taskOf(instance, "signSupplementaryReply"),
        withVariables(CommitmentFollowUpVariables.SUPPLEMENTARY_DECISION, "APPROVE"));

    verify(delegate("supplementaryReplyDelegate"), never()).execute(any());
    execute(job("sendSupplementaryReply", instance));
    verify(delegate("supplementaryReplyDelegate")).execute(any());
    verify(delegate("commitmentsKeptDelegate")).execute(any());

    then(candidateGroups(taskOf(instance, "decideResultCategory"))).containsExactly("registrar");
    complete(taskOf(instance, "decideResultCategory"));
    assertThat(instance)
        .hasPassedInOrder("commitmentKept", "checkAllCommitmentsKept", "categoryDecided")
        .isEnded();
    then(createdTasks(instance, "reportCommitment")).isEqualTo(2);
    verify(delegate("commitmentOverdueDelegate"), never()).execute(any());
  }

  @Test
  void aKeptCommitmentWithOthersStillOpenEndsWithoutADecision() throws Exception {
    allKept = false;
    ProcessInstance instance = start();
    report(instance, "KEPT");
    review(instance, "APPROVE");
    complete(
        taskOf(instance, "signSupplementaryReply"),
        withVariables(CommitmentFollowUpVariables.SUPPLEMENTARY_DECISION, "APPROVE"));
    execute(job("sendSupplementaryReply", instance));

    assertThat(instance)
        .hasPassed("othersStillOpen")
        .hasNotPassed("decideResultCategory")
        .isEnded();
  }

  @Test
  void returnsByTheReviewerAndTheLeaderGoBackToTheHandler() {
    ProcessInstance instance = start();
    report(instance, "KEPT");
    review(instance, "RETURN");
    assertThat(instance).isWaitingAt("reportCommitment");

    report(instance, "KEPT");
    review(instance, "APPROVE");
    complete(
        taskOf(instance, "signSupplementaryReply"),
        withVariables(CommitmentFollowUpVariables.SUPPLEMENTARY_DECISION, "RETURN"));
    assertThat(instance).isWaitingAt("reportCommitment");
    then(createdTasks(instance, "reportCommitment")).isEqualTo(3);
    then(createdTasks(instance, "signSupplementaryReply")).isEqualTo(1);
  }

  @Test
  void remindersFireBeforeTheDateWithoutInterruptingTheReport() throws Exception {
    ProcessInstance instance = start();

    fireAt(timer(instance, "firstCommitmentReminderDue"), reminder1);
    fireAt(timer(instance, "secondCommitmentReminderDue"), reminder2);

    verify(delegate("commitmentReminderDelegate"), times(2)).execute(any());
    assertThat(instance).isWaitingAt("reportCommitment").isNotEnded();
    then(activeTasks(instance, "superviseCommitment")).isZero();
  }

  @Test
  void theDatePassesTheRegistrarSupervisesAndItIsKeptLate() throws Exception {
    ProcessInstance instance = start();
    report(instance, "PROGRESS");

    fireAt(timer(instance, "commitmentDueDateReached"), due);
    verify(delegate("commitmentOverdueDelegate")).execute(any());
    then(candidateGroups(taskOf(instance, "superviseCommitment"))).containsExactly("registrar");
    assertThat(instance).isWaitingAt("reviewCommitmentReport", "superviseCommitment");
    complete(taskOf(instance, "superviseCommitment"));
    assertThat(instance).hasPassed("commitmentSupervised").isNotEnded();

    // the department still keeps it, late
    review(instance, "APPROVE");
    report(instance, "KEPT");
    review(instance, "APPROVE");
    complete(
        taskOf(instance, "signSupplementaryReply"),
        withVariables(CommitmentFollowUpVariables.SUPPLEMENTARY_DECISION, "APPROVE"));
    execute(job("sendSupplementaryReply", instance));
    complete(taskOf(instance, "decideResultCategory"));
    assertThat(instance).hasPassed("commitmentKept", "categoryDecided").isEnded();
  }
}
