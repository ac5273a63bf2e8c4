package org.civicflow.processes;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.civicflow.processes.ProcessTestSupport.activeTasks;
import static org.civicflow.processes.ProcessTestSupport.at;
import static org.civicflow.processes.ProcessTestSupport.candidateGroups;
import static org.civicflow.processes.ProcessTestSupport.createdTasks;
import static org.civicflow.processes.ProcessTestSupport.fireAt;
import static org.civicflow.processes.ProcessTestSupport.now;
import static org.civicflow.processes.ProcessTestSupport.plus;
import static org.civicflow.processes.ProcessTestSupport.taskOf;
import static org.civicflow.processes.ProcessTestSupport.timer;
import static org.civicflow.processes.ProcessTestSupport.variable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
 * {@code departmentHandling}: the work of one lead (or separately handling) department, as the call
 * activity "各单位办理" of {@code proposalHandling} starts it. The handling rules of product.md that
 * this model carries, each with the test that proves it:
 *
 * <ul>
 *   <li>Rule 2 — the reply deadline set at assignment becomes dates (due date, two reminders,
 *       co-handling opinion due date): {@link
 *       #publicReplyGoesThroughDraftReviewSignOffReplyPublicationAndFeedback()}
 *   <li>Rule 4 — co-handling departments send their opinion to the lead department; the lead
 *       department cannot submit its draft for review before all opinions are in: {@link
 *       #leadDraftingBeforeTheCoOpinionsWaitsForThem()}, {@link
 *       #coOpinionsInBeforeTheDraftGoStraightToReview()}
 *   <li>Rule 4 — within 1 month, else the missing opinion is recorded and the lead replies alone:
 *       {@link #coOpinionNotSubmittedWithinAMonthIsRecordedAndHandlingGoesOn()}
 *   <li>Rule 5 — the handler drafts the reply and proposes its disclosure: {@link
 *       #publicReplyGoesThroughDraftReviewSignOffReplyPublicationAndFeedback()}
 *   <li>Rule 6 — the reviewer returns the draft, a new draft follows: {@link
 *       #reviewerReturnsTheDraftThenApprovesTheNewOne()}
 *   <li>Rule 6 — the signing leader returns the draft, any number of times: {@link
 *       #signingLeaderReturnsTheDraftTwiceThenSignsItOff()}
 *   <li>Rule 6 — a handler may withdraw a submitted draft before it is reviewed: {@link
 *       #handlerWithdrawsTheDraftBeforeReview()}
 *   <li>Rule 7 — the signed reply is sent and a public reply published, both behind an async
 *       boundary: {@link #replyAndPublicationRunAsJobs()}
 *   <li>Rule 7 — a non-public reply needs the registrar's confirmation (then it is not published):
 *       {@link #nonPublicReplyConfirmedByTheRegistrarIsNotPublished()}
 *   <li>Rule 7 — or the registrar decides it is to be published after all: {@link
 *       #nonPublicReplyThatTheRegistrarWantsPublishedIsPublished()}
 *   <li>Rule 8 — the proposer rates the reply: {@link
 *       #publicReplyGoesThroughDraftReviewSignOffReplyPublicationAndFeedback()}, {@link
 *       #feedbackTaskWithoutAProposerAccountGoesToTheRegistrar()}
 *   <li>Rule 8 — no rating within 1 month counts as none: {@link
 *       #noFeedbackWithinAMonthIsRecordedAndHandlingFinishes()}
 *   <li>Rule 8 — unsatisfied: handled again once, the second rating is final: {@link
 *       #unsatisfiedProposerGetsOneRehandlingAndTheSecondRatingIsFinal()}
 *   <li>Rule 9 — reminders before the deadline, without interrupting the work: {@link
 *       #remindersFireBeforeTheDeadlineWithoutInterruptingTheDraft()}
 *   <li>Rule 9 — at the deadline the item is overdue and the registrar supervises it: {@link
 *       #deadlineMarksTheItemOverdueAndTheRegistrarSupervisesIt()}
 *   <li>Rule 9 — the registrar approves an extension request: {@link
 *       #extensionRequestApprovedByTheRegistrarExtendsTheDeadline()}
 *   <li>Rule 9 — or refuses it: {@link #extensionRequestRefusedByTheRegistrarChangesNothing()}
 *   <li>A department that finished ends its leftover supervision and extension tasks (the end event
 *       "本单位办结" terminates the instance, so the proposal can close): {@link
 *       #finishedDepartmentEndsItsLeftoverSupervisionAndExtensionTasks()}
 * </ul>
 */
@Deployment(resources = "bpmn/departmentHandling.bpmn")
class DepartmentHandlingProcessTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().build();

  private static final Long PROPOSAL_ID = 42L;
  private static final String LEAD = "SCJG";
  private static final String PROPOSER = "deputy.jinmiao";

  private DelegateMocks delegates;
  private Date dueDate;
  private Date reminder1At;
  private Date reminder2At;
  private Date coOpinionDueDate;
  private final List<Object> missingCoDepartments = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    init(ENGINE.getProcessEngine());
    ClockUtil.setCurrentTime(at("2022-01-04T09:00:00"));
    delegates = new DelegateMocks();
    when(delegates.handlingPlan.coDepartments(PROPOSAL_ID, LEAD)).thenReturn(List.of());

    // the contract of the real delegates: the variables they set for the model
    dueDate = at("2022-04-04T00:00:00");
    reminder1At = at("2022-03-20T00:00:00");
    reminder2At = at("2022-04-01T00:00:00");
    coOpinionDueDate = at("2022-02-04T00:00:00");
    doAnswer(
            invocation -> {
              DelegateExecution execution = invocation.getArgument(0);
              execution.setVariable(DepartmentHandlingVariables.DUE_DATE, dueDate);
              execution.setVariable(DepartmentHandlingVariables.REMINDER_1_AT, reminder1At);
              execution.setVariable(DepartmentHandlingVariables.REMINDER_2_AT, reminder2At);
              execution.setVariable(
                  DepartmentHandlingVariables.CO_OPINION_DUE_DATE, coOpinionDueDate);
              return null;
            })
        .when(delegate("planDeadlinesDelegate"))
        .execute(any());
    doAnswer(
            invocation -> {
              DelegateExecution execution = invocation.getArgument(0);
              Date reReplyDue = plus(now(), Duration.ofDays(30));
              execution.setVariable(DepartmentHandlingVariables.DUE_DATE, reReplyDue);
              execution.setVariable(
                  DepartmentHandlingVariables.REMINDER_1_AT,
                  plus(reReplyDue, Duration.ofDays(-15)));
              execution.setVariable(
                  DepartmentHandlingVariables.REMINDER_2_AT, plus(reReplyDue, Duration.ofDays(-3)));
              return null;
            })
        .when(delegate("rehandlingDelegate"))
        .execute(any());
    doAnswer(
            invocation -> {
              DelegateExecution execution = invocation.getArgument(0);
              missingCoDepartments.add(
                  execution.getVariable(DepartmentHandlingVariables.CO_DEPARTMENT));
              return null;
            })
        .when(delegate("missingCoOpinionDelegate"))
        .execute(any());
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ the straight path

  @Test
  void publicReplyGoesThroughDraftReviewSignOffReplyPublicationAndFeedback() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);

    verify(delegate("planDeadlinesDelegate")).execute(any());
    assertThat(instance)
        .hasVariables(
            DepartmentHandlingVariables.DUE_DATE,
            DepartmentHandlingVariables.REMINDER_1_AT,
            DepartmentHandlingVariables.REMINDER_2_AT,
            DepartmentHandlingVariables.CO_OPINION_DUE_DATE)
        .isWaitingAt("draftReply");
    then(variable(instance, DepartmentHandlingVariables.CO_OPINIONS_COMPLETE))
        .as("no co-handling department")
        .isEqualTo(true);
    then(candidateGroups(taskOf(instance, "draftReply"))).containsExactly("SCJG-handler");
    complete(
        taskOf(instance, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));

    assertThat(instance).isWaitingAt("reviewDraft").hasNotPassed("waitForCoOpinions");
    then(candidateGroups(taskOf(instance, "reviewDraft"))).containsExactly("SCJG-reviewer");
    complete(
        taskOf(instance, "reviewDraft"),
        withVariables(DepartmentHandlingVariables.REVIEW_DECISION, "APPROVE"));

    then(candidateGroups(taskOf(instance, "signOff"))).containsExactly("SCJG-leader");
    complete(
        taskOf(instance, "signOff"),
        withVariables(DepartmentHandlingVariables.SIGN_OFF_DECISION, "APPROVE"));

    execute(job("sendReply", instance));
    verify(delegate("sendReplyDelegate")).execute(any());
    execute(job("publishReply", instance));
    verify(delegate("publishReplyDelegate")).execute(any());
    verify(delegate("requestFeedbackDelegate")).execute(any());

    Task feedback = taskOf(instance, "giveFeedback");
    assertThat(feedback).isAssignedTo(PROPOSER);
    then(candidateGroups(feedback)).containsExactly("registrar");
    complete(feedback, withVariables(DepartmentHandlingVariables.RESULT_RATING, "SATISFIED"));

    assertThat(instance)
        .hasPassedInOrder("replySigned", "sendReply", "publishReply", "giveFeedback")
        .hasPassed("finishHandling")
        .isEnded();
    verify(delegate("finishHandlingDelegate")).execute(any());
    verify(delegate("rehandlingDelegate"), never()).execute(any());
    verify(delegate("reminderDelegate"), never()).execute(any());
    verify(delegate("overdueDelegate"), never()).execute(any());
  }

  @Test
  void replyAndPublicationRunAsJobs() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    draftReviewAndSignOff(instance, "PUBLIC");

    assertThat(job("sendReply", instance)).isNotNull();
    verify(delegate("sendReplyDelegate"), never()).execute(any());
    execute(job("sendReply", instance));
    verify(delegate("sendReplyDelegate")).execute(any());

    assertThat(job("publishReply", instance)).isNotNull();
    verify(delegate("publishReplyDelegate"), never()).execute(any());
    verify(delegate("requestFeedbackDelegate"), never()).execute(any());
    execute(job("publishReply", instance));
    verify(delegate("publishReplyDelegate")).execute(any());
    assertThat(instance).isWaitingAt("giveFeedback");
  }

  // ------------------------------------------------------------------ review and sign-off

  @Test
  void reviewerReturnsTheDraftThenApprovesTheNewOne() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    complete(
        taskOf(instance, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));
    complete(
        taskOf(instance, "reviewDraft"),
        withVariables(DepartmentHandlingVariables.REVIEW_DECISION, "RETURN"));

    assertThat(instance).isWaitingAt("draftReply");
    then(activeTasks(instance, "signOff")).isZero();
    complete(
        taskOf(instance, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));
    complete(
        taskOf(instance, "reviewDraft"),
        withVariables(DepartmentHandlingVariables.REVIEW_DECISION, "APPROVE"));

    assertThat(instance).isWaitingAt("signOff");
    then(createdTasks(instance, "draftReply")).isEqualTo(2);
    then(createdTasks(instance, "reviewDraft")).isEqualTo(2);
  }

  @Test
  void signingLeaderReturnsTheDraftTwiceThenSignsItOff() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    for (int round = 0; round < 2; round++) {
      complete(
          taskOf(instance, "draftReply"),
          withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));
      complete(
          taskOf(instance, "reviewDraft"),
          withVariables(DepartmentHandlingVariables.REVIEW_DECISION, "APPROVE"));
      complete(
          taskOf(instance, "signOff"),
          withVariables(DepartmentHandlingVariables.SIGN_OFF_DECISION, "RETURN"));
      assertThat(instance).isWaitingAt("draftReply");
    }
    draftReviewAndSignOff(instance, "PUBLIC");

    then(createdTasks(instance, "draftReply")).isEqualTo(3);
    then(createdTasks(instance, "reviewDraft")).isEqualTo(3);
    then(createdTasks(instance, "signOff")).isEqualTo(3);
    assertThat(job("sendReply", instance)).isNotNull();
    verify(delegate("sendReplyDelegate"), never()).execute(any());
  }

  @Test
  void handlerWithdrawsTheDraftBeforeReview() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    complete(
        taskOf(instance, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));
    assertThat(instance).isWaitingAt("reviewDraft");

    runtimeService()
        .createMessageCorrelation("DraftWithdrawn")
        .processInstanceId(instance.getId())
        .correlate();

    assertThat(instance).hasPassed("draftWithdrawn").isWaitingAt("draftReply");
    then(activeTasks(instance, "reviewDraft")).isZero();
    draftAndApprove(instance);
    assertThat(instance).isWaitingAt("signOff");
  }

  // ------------------------------------------------------------------ co-handling

  @Test
  void leadDraftingBeforeTheCoOpinionsWaitsForThem() throws Exception {
    when(delegates.handlingPlan.coDepartments(PROPOSAL_ID, LEAD)).thenReturn(List.of("WXB", "GAJ"));
    ProcessInstance instance = startHandling(PROPOSER);

    then(activeTasks(instance, "coHandlingOpinion")).isEqualTo(2);
    then(variable(instance, DepartmentHandlingVariables.CO_OPINIONS_COMPLETE)).isEqualTo(false);
    complete(
        taskOf(instance, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));

    assertThat(instance).isWaitingAt("waitForCoOpinions");
    then(activeTasks(instance, "reviewDraft")).isZero();
    complete(coOpinionTaskOf(instance, "WXB"), withVariables("opinion", "网信办意见"));
    assertThat(instance).isWaitingAt("waitForCoOpinions");
    then(activeTasks(instance, "reviewDraft")).isZero();

    complete(coOpinionTaskOf(instance, "GAJ"), withVariables("opinion", "公安局意见"));

    assertThat(instance)
        .hasPassed("coOpinionsCompleted", "coHandlingFinished", "waitForCoOpinions")
        .isWaitingAt("reviewDraft");
    then(variable(instance, DepartmentHandlingVariables.CO_OPINIONS_COMPLETE)).isEqualTo(true);
    verify(delegates.get("missingCoOpinionDelegate"), never()).execute(any());
  }

  @Test
  void coOpinionsInBeforeTheDraftGoStraightToReview() throws Exception {
    when(delegates.handlingPlan.coDepartments(PROPOSAL_ID, LEAD)).thenReturn(List.of("WXB"));
    ProcessInstance instance = startHandling(PROPOSER);
    complete(coOpinionTaskOf(instance, "WXB"), withVariables("opinion", "网信办意见"));

    complete(
        taskOf(instance, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));

    assertThat(instance).hasNotPassed("waitForCoOpinions").isWaitingAt("reviewDraft");
  }

  @Test
  void coOpinionNotSubmittedWithinAMonthIsRecordedAndHandlingGoesOn() throws Exception {
    when(delegates.handlingPlan.coDepartments(PROPOSAL_ID, LEAD)).thenReturn(List.of("WXB", "GAJ"));
    ProcessInstance instance = startHandling(PROPOSER);
    complete(coOpinionTaskOf(instance, "GAJ"), withVariables("opinion", "公安局意见"));
    complete(
        taskOf(instance, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));
    assertThat(instance).isWaitingAt("waitForCoOpinions");

    fireAt(timer(instance, "coOpinionOverdue"), coOpinionDueDate);

    verify(delegate("missingCoOpinionDelegate")).execute(any());
    then(missingCoDepartments).containsExactly("WXB");
    then(activeTasks(instance, "coHandlingOpinion")).isZero();
    assertThat(instance)
        .hasPassed("coOpinionMissing", "coOpinionsCompleted")
        .isWaitingAt("reviewDraft");
  }

  // ------------------------------------------------------------------ disclosure

  @Test
  void nonPublicReplyConfirmedByTheRegistrarIsNotPublished() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    draftReviewAndSignOff(instance, "NOT_PUBLIC");
    execute(job("sendReply", instance));

    Task confirmation = taskOf(instance, "confirmNonDisclosure");
    then(candidateGroups(confirmation)).containsExactly("registrar");
    complete(
        confirmation,
        withVariables(DepartmentHandlingVariables.NON_DISCLOSURE_DECISION, "CONFIRM"));

    then(managementService().createJobQuery().activityId("publishReply").count()).isZero();
    verify(delegate("publishReplyDelegate"), never()).execute(any());
    verify(delegate("requestFeedbackDelegate")).execute(any());
    assertThat(instance).hasNotPassed("publishReply").isWaitingAt("giveFeedback");
  }

  @Test
  void nonPublicReplyThatTheRegistrarWantsPublishedIsPublished() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    draftReviewAndSignOff(instance, "NOT_PUBLIC");
    execute(job("sendReply", instance));

    complete(
        taskOf(instance, "confirmNonDisclosure"),
        withVariables(DepartmentHandlingVariables.NON_DISCLOSURE_DECISION, "PUBLISH"));
    execute(job("publishReply", instance));

    verify(delegate("publishReplyDelegate")).execute(any());
    assertThat(instance).isWaitingAt("giveFeedback");
  }

  // ------------------------------------------------------------------ feedback

  @Test
  void unsatisfiedProposerGetsOneRehandlingAndTheSecondRatingIsFinal() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    replyAndPublish(instance);
    complete(
        taskOf(instance, "giveFeedback"),
        withVariables(DepartmentHandlingVariables.RESULT_RATING, "UNSATISFIED"));

    verify(delegate("rehandlingDelegate")).execute(any());
    then(variable(instance, DepartmentHandlingVariables.REHANDLING_ROUND)).isEqualTo(1L);
    assertThat(instance).isWaitingAt("draftReply");
    then(timer(instance, "handlingDeadlineReached").getDuedate())
        .as("the re-reply is due one month after the rating")
        .hasSameTimeAs(plus(now(), Duration.ofDays(30)));
    verify(delegate("finishHandlingDelegate"), never()).execute(any());

    replyAndPublish(instance);
    complete(
        taskOf(instance, "giveFeedback"),
        withVariables(DepartmentHandlingVariables.RESULT_RATING, "UNSATISFIED"));

    assertThat(instance).hasPassed("finishHandling").isEnded();
    verify(delegate("rehandlingDelegate")).execute(any());
    verify(delegate("sendReplyDelegate"), times(2)).execute(any());
    verify(delegate("publishReplyDelegate"), times(2)).execute(any());
    verify(delegate("requestFeedbackDelegate"), times(2)).execute(any());
    verify(delegate("finishHandlingDelegate")).execute(any());
  }

  @Test
  void noFeedbackWithinAMonthIsRecordedAndHandlingFinishes() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    replyAndPublish(instance);
    Calendar oneMonthLater = Calendar.getInstance();
    oneMonthLater.setTime(now());
    oneMonthLater.add(Calendar.MONTH, 1);

    fireAt(timer(instance, "feedbackOverdue"), oneMonthLater.getTime());

    verify(delegate("noFeedbackDelegate")).execute(any());
    verify(delegate("finishHandlingDelegate")).execute(any());
    verify(delegate("rehandlingDelegate"), never()).execute(any());
    assertThat(instance).hasNotPassed("rehandlingGateway").isEnded();
  }

  @Test
  void feedbackTaskWithoutAProposerAccountGoesToTheRegistrar() throws Exception {
    ProcessInstance instance = startHandling(null);
    replyAndPublish(instance);

    Task feedback = taskOf(instance, "giveFeedback");
    then(feedback.getAssignee()).isNull();
    then(candidateGroups(feedback)).containsExactly("registrar");
  }

  // ------------------------------------------------------------------ deadlines

  @Test
  void remindersFireBeforeTheDeadlineWithoutInterruptingTheDraft() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);

    fireAt(timer(instance, "firstReminderDue"), reminder1At);
    verify(delegate("reminderDelegate")).execute(any());
    assertThat(instance).hasPassed("firstReminderSent").isWaitingAt("draftReply");

    fireAt(timer(instance, "secondReminderDue"), reminder2At);
    verify(delegate("reminderDelegate"), times(2)).execute(any());
    assertThat(instance).hasPassed("secondReminderSent").isWaitingAt("draftReply");
    verify(delegate("overdueDelegate"), never()).execute(any());
  }

  @Test
  void deadlineMarksTheItemOverdueAndTheRegistrarSupervisesIt() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);

    fireAt(timer(instance, "handlingDeadlineReached"), dueDate);

    verify(delegate("overdueDelegate")).execute(any());
    assertThat(instance).isWaitingAt("superviseOverdue", "draftReply");
    Task supervision = taskOf(instance, "superviseOverdue");
    then(candidateGroups(supervision)).containsExactly("registrar");
    complete(supervision, withVariables("comment", "请尽快答复"));
    assertThat(instance).hasPassed("supervised").isWaitingAt("draftReply");
  }

  @Test
  void extensionRequestApprovedByTheRegistrarExtendsTheDeadline() throws Exception {
    Date extendedDueDate = at("2022-07-04T00:00:00");
    doAnswer(
            invocation -> {
              // the contract of the real delegate: the new due date, and the pending deadline
              // timer moved to it (a timer's date is fixed when the timer is created)
              DelegateExecution execution = invocation.getArgument(0);
              execution.setVariable(DepartmentHandlingVariables.DUE_DATE, extendedDueDate);
              ManagementService management =
                  execution.getProcessEngineServices().getManagementService();
              Job deadline =
                  management
                      .createJobQuery()
                      .processInstanceId(execution.getProcessInstanceId())
                      .activityId("handlingDeadlineReached")
                      .singleResult();
              management.setJobDuedate(deadline.getId(), extendedDueDate);
              return null;
            })
        .when(delegate("extensionDelegate"))
        .execute(any());
    ProcessInstance instance = startHandling(PROPOSER);
    requestExtension(instance);

    Task decision = taskOf(instance, "decideExtension");
    then(candidateGroups(decision)).containsExactly("registrar");
    assertThat(instance).isWaitingAt("decideExtension", "draftReply");
    complete(decision, withVariables(DepartmentHandlingVariables.EXTENSION_DECISION, "APPROVE"));

    verify(delegate("extensionDelegate")).execute(any());
    assertThat(instance).hasPassed("extended").isWaitingAt("draftReply");
    fireAt(timer(instance, "handlingDeadlineReached"), extendedDueDate);
    verify(delegate("overdueDelegate")).execute(any());
  }

  @Test
  void extensionRequestRefusedByTheRegistrarChangesNothing() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    requestExtension(instance);

    complete(
        taskOf(instance, "decideExtension"),
        withVariables(DepartmentHandlingVariables.EXTENSION_DECISION, "REFUSE"));

    verify(delegate("extensionDelegate"), never()).execute(any());
    assertThat(instance).hasPassed("extensionRefused").isWaitingAt("draftReply");
  }

  // ------------------------------------------------------------------ finishing

  @Test
  void finishedDepartmentEndsItsLeftoverSupervisionAndExtensionTasks() throws Exception {
    ProcessInstance instance = startHandling(PROPOSER);
    fireAt(timer(instance, "handlingDeadlineReached"), dueDate);
    requestExtension(instance);
    assertThat(instance).isWaitingAt("superviseOverdue", "decideExtension", "draftReply");

    draftReviewAndSignOff(instance, "PUBLIC");
    execute(job("sendReply", instance));
    execute(job("publishReply", instance));
    complete(
        taskOf(instance, "giveFeedback"),
        withVariables(DepartmentHandlingVariables.RESULT_RATING, "SATISFIED"));

    verify(delegate("finishHandlingDelegate")).execute(any());
    assertThat(instance)
        .hasPassed("finishHandling", "handlingFinished")
        .hasNotPassed("supervised", "extended", "extensionRefused")
        .isEnded();
    then(taskService().createTaskQuery().processInstanceId(instance.getId()).count())
        .as("no leftover task")
        .isZero();
    then(managementService().createJobQuery().processInstanceId(instance.getId()).count())
        .as("no leftover timer or job")
        .isZero();
    verify(delegate("extensionDelegate"), never()).execute(any());
  }

  // ------------------------------------------------------------------ helpers

  /** Starts the model with the variables that the call activity of proposalHandling passes. */
  private ProcessInstance startHandling(String proposerUsername) {
    return runtimeService()
        .startProcessInstanceByKey(
            "departmentHandling",
            PROPOSAL_ID.toString(),
            withVariables(
                DepartmentHandlingVariables.PROPOSAL_ID, PROPOSAL_ID,
                DepartmentHandlingVariables.DEPARTMENT, LEAD,
                DepartmentHandlingVariables.PROPOSER_USERNAME, proposerUsername,
                DepartmentHandlingVariables.CO_OPINIONS_COMPLETE, false,
                DepartmentHandlingVariables.REHANDLING_ROUND, 0L));
  }

  private void draftAndApprove(ProcessInstance instance) {
    complete(
        taskOf(instance, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));
    complete(
        taskOf(instance, "reviewDraft"),
        withVariables(DepartmentHandlingVariables.REVIEW_DECISION, "APPROVE"));
  }

  private void draftReviewAndSignOff(ProcessInstance instance, String disclosure) {
    complete(
        taskOf(instance, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, disclosure));
    complete(
        taskOf(instance, "reviewDraft"),
        withVariables(DepartmentHandlingVariables.REVIEW_DECISION, "APPROVE"));
    complete(
        taskOf(instance, "signOff"),
        withVariables(DepartmentHandlingVariables.SIGN_OFF_DECISION, "APPROVE"));
  }

  private void replyAndPublish(ProcessInstance instance) {
    draftReviewAndSignOff(instance, "PUBLIC");
    execute(job("sendReply", instance));
    execute(job("publishReply", instance));
  }

  private void requestExtension(ProcessInstance instance) {
    runtimeService()
        .createMessageCorrelation("ExtensionRequested")
        .processInstanceId(instance.getId())
        .correlate();
  }

  private Task coOpinionTaskOf(ProcessInstance instance, String coDepartment) {
    Task task =
        taskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("coHandlingOpinion")
            .taskCandidateGroup(coDepartment + "-handler")
            .singleResult();
    then(task).as("co-handling opinion task of " + coDepartment).isNotNull();
    return task;
  }

  private JavaDelegate delegate(String bean) {
    return delegates.get(bean);
  }
}
