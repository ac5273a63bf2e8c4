package org.civicflow.processes;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processDefinition;
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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code proposalHandling}: one suggestion or proposal from the acceptance review to its close,
 * with the real {@code departmentHandling} as the called process and the real DMN tables. The
 * handling rules of product.md that this model carries, each with the test that proves it:
 *
 * <ul>
 *   <li>Rule 1 — the registrar accepts a proposal: {@link
 *       #acceptedSuggestionIsAssignedSignedForHandledByTheLeadAndClosed()}
 *   <li>Rule 1 — refuses it, and the proposer is told: {@link #refusedProposalEndsRefused()}
 *   <li>Rule 1 — or merges it into another: {@link #mergedProposalEndsMerged()}
 *   <li>Rule 2 — a suggested lead department comes from the routing table: {@link
 *       #acceptedSuggestionIsAssignedSignedForHandledByTheLeadAndClosed()}, {@link
 *       #unroutableProposalGetsNoSuggestedLead()}
 *   <li>Rule 2 — one lead department with co-handling departments: {@link
 *       #acceptedSuggestionIsAssignedSignedForHandledByTheLeadAndClosed()}
 *   <li>Rule 2 — or several departments each handling separately, each replying: {@link
 *       #separatelyHandlingDepartmentsEachHandleAndReply()}
 *   <li>Rule 2 — the deadline is set at assignment: 3 months for a suggestion: {@link
 *       #acceptedSuggestionIsAssignedSignedForHandledByTheLeadAndClosed()}
 *   <li>Rule 2 — 6 months for a complex case: {@link #complexCaseGetsSixMonths()}
 *   <li>Rule 2 — 5 months for a CPPCC proposal from the session: {@link
 *       #proposalFromTheSessionGetsFiveMonths()}
 *   <li>Rule 3 — every assigned department signs for the assignment: {@link
 *       #acceptedSuggestionIsAssignedSignedForHandledByTheLeadAndClosed()}, {@link
 *       #signForDecisionsStayWithinTheirDepartment()}
 *   <li>Rule 3 — a re-assignment request that the registrar approves sends the proposal back to
 *       assignment: {@link #reassignmentApprovedSendsTheProposalBackToAssignment()}
 *   <li>Rule 3 — a refused re-assignment request leaves the department in charge: {@link
 *       #reassignmentRefusedLeavesTheDepartmentInCharge()}
 *   <li>Rule 3 — re-assignment request refused after 5 working days (the department is deemed to
 *       have signed for it): {@link #signForWindowExpiresDeemsSignedFor()}
 *   <li>Rules 4–8 and the deadlines of rule 9 — in the called model, see {@link
 *       DepartmentHandlingProcessTest}
 *   <li>Rule 9 — the proposer can withdraw before the reply: at acceptance {@link
 *       #withdrawalDuringAcceptanceReviewEndsTheProposal()}, at assignment {@link
 *       #withdrawalDuringAssignmentEndsTheProposal()}, at sign-for {@link
 *       #withdrawalDuringSignForEndsTheProposal()}, during handling {@link
 *       #withdrawalDuringHandlingEndsTheProposalAndTheDepartmentHandling()}
 *   <li>Rule 10 — records are kept at least 6 months: {@link #historyIsKeptForSixMonths()}
 * </ul>
 */
@Deployment(
    resources = {
      "bpmn/proposalHandling.bpmn",
      "bpmn/departmentHandling.bpmn",
      "dmn/leadDepartmentRouting.dmn",
      "dmn/handlingDeadline.dmn"
    })
class ProposalHandlingProcessTest {

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().build();

  private static final Long PROPOSAL_ID = 42L;
  private static final String BUSINESS_KEY = "42";
  private static final String PROPOSER = "deputy.jinmiao";
  private static final String LIVE_STREAMING = "关于加强对网红“直播带货”市场监督管理的建议";

  private DelegateMocks delegates;
  private Date signForDueDate;
  private List<String> assignedDepartments = List.of("SCJG", "WXB");

  @BeforeEach
  void setUp() throws Exception {
    init(ENGINE.getProcessEngine());
    ClockUtil.setCurrentTime(at("2022-01-04T09:00:00"));
    delegates = new DelegateMocks();
    // Camunda evaluates a multi-instance collection once per element: the answer must be stable
    // within one assignment round
    when(delegates.handlingPlan.signForDepartments(PROPOSAL_ID))
        .thenAnswer(invocation -> assignedDepartments);
    when(delegates.handlingPlan.handlingDepartments(PROPOSAL_ID)).thenReturn(List.of("SCJG"));

    // the contract of the real delegates: the variables they set for the model
    doAnswer(
            invocation -> {
              DelegateExecution execution = invocation.getArgument(0);
              signForDueDate = plus(now(), Duration.ofDays(7)); // 5 working days
              execution.setVariable(ProposalHandlingVariables.SIGN_FOR_DUE_DATE, signForDueDate);
              execution.setVariable(ProposalHandlingVariables.REASSIGNMENT_APPROVED, false);
              return null;
            })
        .when(delegate("assignDepartmentsDelegate"))
        .execute(any());
    doAnswer(
            invocation -> {
              DelegateExecution execution = invocation.getArgument(0);
              execution.setVariable(ProposalHandlingVariables.REASSIGNMENT_APPROVED, true);
              return null;
            })
        .when(delegate("reassignmentDelegate"))
        .execute(any());
    doAnswer(
            invocation -> {
              DelegateExecution execution = invocation.getArgument(0);
              execution.setVariable(
                  DepartmentHandlingVariables.DUE_DATE, plus(now(), Duration.ofDays(90)));
              execution.setVariable(
                  DepartmentHandlingVariables.REMINDER_1_AT, plus(now(), Duration.ofDays(75)));
              execution.setVariable(
                  DepartmentHandlingVariables.REMINDER_2_AT, plus(now(), Duration.ofDays(87)));
              execution.setVariable(
                  DepartmentHandlingVariables.CO_OPINION_DUE_DATE,
                  plus(now(), Duration.ofDays(30)));
              return null;
            })
        .when(delegate("planDeadlinesDelegate"))
        .execute(any());
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ acceptance and assignment

  @Test
  void acceptedSuggestionIsAssignedSignedForHandledByTheLeadAndClosed() throws Exception {
    when(delegates.handlingPlan.coDepartments(PROPOSAL_ID, "SCJG")).thenReturn(List.of("WXB"));
    ProcessInstance proposal = startProposal(LIVE_STREAMING, "其他", "SUGGESTION", false);

    Task review = taskOf(proposal, "reviewAcceptance");
    then(candidateGroups(review)).containsExactly("registrar");
    complete(review, withVariables(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT"));

    verify(delegate("acceptProposalDelegate")).execute(any());
    then(variable(proposal, ProposalHandlingVariables.SUGGESTED_LEAD)).isEqualTo("SCJG");
    Task assignment = taskOf(proposal, "assignDepartments");
    then(candidateGroups(assignment)).containsExactly("registrar");
    complete(assignment, assignment("LEAD_CO", "SCJG", "WXB", "", false));

    then(variable(proposal, ProposalHandlingVariables.DEADLINE_MONTHS)).isEqualTo(3);
    verify(delegate("assignDepartmentsDelegate")).execute(any());
    then(signForGroups(proposal)).containsExactlyInAnyOrder("SCJG-handler", "WXB-handler");
    signFor(proposal, "SCJG", "ACCEPT");
    assertThat(proposal).isWaitingAt("signFor");
    signFor(proposal, "WXB", "ACCEPT");

    verify(delegate("signForDelegate"), times(2)).execute(any());
    assertThat(proposal).isWaitingAt("handleDepartments");
    List<ProcessInstance> handling = departmentHandlings(proposal);
    then(handling).hasSize(1);
    ProcessInstance lead = handling.get(0);
    then(lead.getBusinessKey()).isEqualTo(BUSINESS_KEY);
    assertThat(lead)
        .variables()
        .containsEntry(ProposalHandlingVariables.DEPARTMENT, "SCJG")
        .containsEntry(ProposalHandlingVariables.PROPOSAL_ID, PROPOSAL_ID)
        .containsEntry(DepartmentHandlingVariables.PROPOSER_USERNAME, PROPOSER)
        .containsEntry(ProposalHandlingVariables.CO_OPINIONS_COMPLETE, false)
        .containsEntry(ProposalHandlingVariables.REHANDLING_ROUND, 0L);
    then(candidateGroups(taskOf(lead, "coHandlingOpinion"))).containsExactly("WXB-handler");

    handleToTheEnd(lead);

    assertThat(proposal).hasPassed("closeProposal", "proposalClosed").isEnded();
    verify(delegate("closeProposalDelegate")).execute(any());
    verify(delegate("reassignmentDelegate"), never()).execute(any());
  }

  @Test
  void separatelyHandlingDepartmentsEachHandleAndReply() throws Exception {
    assignedDepartments = List.of("SWJ", "JYJ");
    when(delegates.handlingPlan.handlingDepartments(PROPOSAL_ID)).thenReturn(List.of("SWJ", "JYJ"));
    ProcessInstance proposal = acceptAndAssign(assignment("SEPARATE", "", "", "SWJ,JYJ", false));
    signFor(proposal, "SWJ", "ACCEPT");
    signFor(proposal, "JYJ", "ACCEPT");

    List<ProcessInstance> handling = departmentHandlings(proposal);
    then(handling)
        .extracting(instance -> variable(instance, ProposalHandlingVariables.DEPARTMENT))
        .containsExactlyInAnyOrder("SWJ", "JYJ");
    ProcessInstance first = handling.get(0);
    ProcessInstance second = handling.get(1);
    then(candidateGroups(taskOf(first, "draftReply")))
        .containsExactly(variable(first, ProposalHandlingVariables.DEPARTMENT) + "-handler");
    then(candidateGroups(taskOf(second, "draftReply")))
        .containsExactly(variable(second, ProposalHandlingVariables.DEPARTMENT) + "-handler");

    handleToTheEnd(first);
    assertThat(proposal).isWaitingAt("handleDepartments");
    verify(delegate("closeProposalDelegate"), never()).execute(any());
    handleToTheEnd(second);

    verify(delegate("sendReplyDelegate"), times(2)).execute(any());
    verify(delegate("closeProposalDelegate")).execute(any());
    assertThat(proposal).isEnded();
  }

  @Test
  void refusedProposalEndsRefused() throws Exception {
    ProcessInstance proposal = startProposal(LIVE_STREAMING, "其他", "SUGGESTION", false);
    complete(
        taskOf(proposal, "reviewAcceptance"),
        withVariables(ProposalHandlingVariables.ACCEPTANCE_DECISION, "REFUSE", "reason", "属于个人事项"));

    verify(delegate("refuseProposalDelegate")).execute(any());
    verify(delegate("acceptProposalDelegate"), never()).execute(any());
    assertThat(proposal).hasPassed("proposalRefused").hasNotPassed("assignDepartments").isEnded();
  }

  @Test
  void mergedProposalEndsMerged() throws Exception {
    ProcessInstance proposal = startProposal(LIVE_STREAMING, "其他", "SUGGESTION", false);
    complete(
        taskOf(proposal, "reviewAcceptance"),
        withVariables(
            ProposalHandlingVariables.ACCEPTANCE_DECISION,
            "MERGE",
            ProposalHandlingVariables.MERGE_INTO_ID,
            41L));

    verify(delegate("mergeProposalDelegate")).execute(any());
    verify(delegate("acceptProposalDelegate"), never()).execute(any());
    assertThat(proposal).hasPassed("proposalMerged").hasNotPassed("assignDepartments").isEnded();
  }

  @Test
  void unroutableProposalGetsNoSuggestedLead() throws Exception {
    ProcessInstance proposal = startProposal("关于增设公共厕所的建议", "城建", "SUGGESTION", false);
    complete(
        taskOf(proposal, "reviewAcceptance"),
        withVariables(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT"));

    assertThat(proposal)
        .isWaitingAt("assignDepartments")
        .hasVariables(ProposalHandlingVariables.SUGGESTED_LEAD);
    then(variable(proposal, ProposalHandlingVariables.SUGGESTED_LEAD)).isNull();
  }

  @Test
  void complexCaseGetsSixMonths() throws Exception {
    ProcessInstance proposal = acceptAndAssign(assignment("LEAD_CO", "SCJG", "WXB", "", true));

    then(variable(proposal, ProposalHandlingVariables.DEADLINE_MONTHS)).isEqualTo(6);
  }

  @Test
  void proposalFromTheSessionGetsFiveMonths() throws Exception {
    ProcessInstance proposal = startProposal(LIVE_STREAMING, "其他", "PROPOSAL", true);
    complete(
        taskOf(proposal, "reviewAcceptance"),
        withVariables(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT"));
    complete(taskOf(proposal, "assignDepartments"), assignment("LEAD_CO", "SCJG", "", "", false));

    then(variable(proposal, ProposalHandlingVariables.DEADLINE_MONTHS)).isEqualTo(5);
  }

  // ------------------------------------------------------------------ sign-for

  @Test
  void signForDecisionsStayWithinTheirDepartment() throws Exception {
    ProcessInstance proposal = acceptAndAssign(assignment("LEAD_CO", "SCJG", "WXB", "", false));

    signFor(proposal, "SCJG", "REQUEST_REASSIGNMENT");

    List<VariableInstance> decisions =
        runtimeService()
            .createVariableInstanceQuery()
            .processInstanceIdIn(proposal.getId())
            .variableName(ProposalHandlingVariables.SIGN_FOR_DECISION)
            .list();
    then(decisions)
        .extracting(VariableInstance::getValue)
        .containsExactlyInAnyOrder("REQUEST_REASSIGNMENT", null);
    then(decisions).extracting(VariableInstance::getExecutionId).doesNotHaveDuplicates();
    then(runtimeService()
            .getVariableLocal(proposal.getId(), ProposalHandlingVariables.SIGN_FOR_DECISION))
        .isNull();
    assertThat(proposal).isWaitingAt("decideReassignment", "signFor");
  }

  @Test
  void reassignmentApprovedSendsTheProposalBackToAssignment() throws Exception {
    when(delegates.handlingPlan.handlingDepartments(PROPOSAL_ID)).thenReturn(List.of("GAJ"));
    ProcessInstance proposal = acceptAndAssign(assignment("LEAD_CO", "SCJG", "WXB", "", false));

    signFor(proposal, "SCJG", "REQUEST_REASSIGNMENT");
    Task decision = taskOf(proposal, "decideReassignment");
    then(candidateGroups(decision)).containsExactly("registrar");
    complete(decision, withVariables(ProposalHandlingVariables.REASSIGNMENT_DECISION, "APPROVE"));
    verify(delegate("reassignmentDelegate")).execute(any());
    signFor(proposal, "WXB", "ACCEPT");

    assertThat(proposal).hasPassed("reassignmentGranted").isWaitingAt("assignDepartments");
    then(departmentHandlings(proposal)).isEmpty();
    then(createdTasks(proposal, "assignDepartments")).isEqualTo(2);
    assignedDepartments = List.of("GAJ");
    complete(taskOf(proposal, "assignDepartments"), assignment("LEAD_CO", "GAJ", "", "", false));

    verify(delegate("assignDepartmentsDelegate"), times(2)).execute(any());
    then(variable(proposal, ProposalHandlingVariables.REASSIGNMENT_APPROVED)).isEqualTo(false);
    then(signForGroups(proposal)).containsExactly("GAJ-handler");
    signFor(proposal, "GAJ", "ACCEPT");
    then(departmentHandlings(proposal))
        .extracting(instance -> variable(instance, ProposalHandlingVariables.DEPARTMENT))
        .containsExactly("GAJ");
  }

  @Test
  void reassignmentRefusedLeavesTheDepartmentInCharge() throws Exception {
    ProcessInstance proposal = acceptAndAssign(assignment("LEAD_CO", "SCJG", "WXB", "", false));

    signFor(proposal, "SCJG", "REQUEST_REASSIGNMENT");
    complete(
        taskOf(proposal, "decideReassignment"),
        withVariables(
            ProposalHandlingVariables.REASSIGNMENT_DECISION, "REFUSE", "comment", "职责明确"));
    verify(delegate("signForDelegate")).execute(any());
    signFor(proposal, "WXB", "ACCEPT");

    verify(delegate("reassignmentDelegate"), never()).execute(any());
    verify(delegate("signForDelegate"), times(2)).execute(any());
    assertThat(proposal).isWaitingAt("handleDepartments");
    then(departmentHandlings(proposal))
        .extracting(instance -> variable(instance, ProposalHandlingVariables.DEPARTMENT))
        .containsExactly("SCJG");
  }

  @Test
  void signForWindowExpiresDeemsSignedFor() throws Exception {
    ProcessInstance proposal = acceptAndAssign(assignment("LEAD_CO", "SCJG", "WXB", "", false));
    signFor(proposal, "SCJG", "ACCEPT");

    fireAt(timer(proposal, "signForWindowExpired"), signForDueDate);

    assertThat(proposal).hasPassed("signForWindowExpired").isWaitingAt("handleDepartments");
    then(activeTasks(proposal, "signFor")).isZero();
    then(createdTasks(proposal, "decideReassignment")).isZero();
    verify(delegate("signForDelegate"), times(2)).execute(any());
    then(departmentHandlings(proposal)).hasSize(1);
  }

  // ------------------------------------------------------------------ withdrawal

  @Test
  void withdrawalDuringAcceptanceReviewEndsTheProposal() throws Exception {
    ProcessInstance proposal = startProposal(LIVE_STREAMING, "其他", "SUGGESTION", false);

    withdraw();

    assertWithdrawn(proposal);
    verify(delegate("acceptProposalDelegate"), never()).execute(any());
  }

  @Test
  void withdrawalDuringAssignmentEndsTheProposal() throws Exception {
    ProcessInstance proposal = startProposal(LIVE_STREAMING, "其他", "SUGGESTION", false);
    complete(
        taskOf(proposal, "reviewAcceptance"),
        withVariables(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT"));
    assertThat(proposal).isWaitingAt("assignDepartments");

    withdraw();

    assertWithdrawn(proposal);
    verify(delegate("assignDepartmentsDelegate"), never()).execute(any());
  }

  @Test
  void withdrawalDuringSignForEndsTheProposal() throws Exception {
    ProcessInstance proposal = acceptAndAssign(assignment("LEAD_CO", "SCJG", "WXB", "", false));
    signFor(proposal, "SCJG", "ACCEPT");

    withdraw();

    assertWithdrawn(proposal);
    verify(delegate("signForDelegate")).execute(any());
  }

  @Test
  void withdrawalDuringHandlingEndsTheProposalAndTheDepartmentHandling() throws Exception {
    ProcessInstance proposal = acceptAndAssign(assignment("LEAD_CO", "SCJG", "WXB", "", false));
    signFor(proposal, "SCJG", "ACCEPT");
    signFor(proposal, "WXB", "ACCEPT");
    ProcessInstance lead = departmentHandlings(proposal).get(0);
    complete(
        taskOf(lead, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));

    withdraw();

    assertWithdrawn(proposal);
    assertThat(lead).isEnded();
    then(runtimeService().createProcessInstanceQuery().count()).isZero();
    verify(delegate("sendReplyDelegate"), never()).execute(any());
    verify(delegate("closeProposalDelegate"), never()).execute(any());
  }

  // ------------------------------------------------------------------ records

  @Test
  void historyIsKeptForSixMonths() {
    then(processDefinition("proposalHandling").getHistoryTimeToLive()).isGreaterThanOrEqualTo(180);
    then(processDefinition("departmentHandling").getHistoryTimeToLive())
        .isGreaterThanOrEqualTo(180);
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance startProposal(
      String title, String category, String proposalType, boolean fromSession) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProposalHandlingVariables.PROPOSAL_ID, PROPOSAL_ID);
    variables.put(HandlingDeadlineVariables.PROPOSAL_TYPE, proposalType);
    variables.put(LeadDepartmentRoutingVariables.CATEGORY, category);
    variables.put(LeadDepartmentRoutingVariables.TITLE, title);
    variables.put(HandlingDeadlineVariables.FROM_SESSION, fromSession);
    variables.put(DepartmentHandlingVariables.PROPOSER_USERNAME, PROPOSER);
    return runtimeService().startProcessInstanceByKey("proposalHandling", BUSINESS_KEY, variables);
  }

  private ProcessInstance acceptAndAssign(Map<String, Object> assignment) {
    ProcessInstance proposal = startProposal(LIVE_STREAMING, "其他", "SUGGESTION", false);
    complete(
        taskOf(proposal, "reviewAcceptance"),
        withVariables(ProposalHandlingVariables.ACCEPTANCE_DECISION, "ACCEPT"));
    complete(taskOf(proposal, "assignDepartments"), assignment);
    assertThat(proposal).isWaitingAt("signFor");
    return proposal;
  }

  /** The variables the API sets when the registrar completes assignDepartments. */
  private static Map<String, Object> assignment(
      String mode, String lead, String co, String separate, boolean complex) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ProposalHandlingVariables.ASSIGNMENT_MODE, mode);
    variables.put(ProposalHandlingVariables.LEAD_DEPARTMENT, lead);
    variables.put(ProposalHandlingVariables.CO_DEPARTMENT_CODES, co);
    variables.put(ProposalHandlingVariables.SEPARATE_DEPARTMENT_CODES, separate);
    variables.put(ProposalHandlingVariables.REQUESTED_DUE_DATE, null);
    variables.put(HandlingDeadlineVariables.COMPLEX, complex);
    variables.put(ProposalHandlingVariables.KEY_ITEM, false);
    return variables;
  }

  private void signFor(ProcessInstance proposal, String department, String decision) {
    Task task =
        taskService()
            .createTaskQuery()
            .processInstanceId(proposal.getId())
            .taskDefinitionKey("signFor")
            .taskCandidateGroup(department + "-handler")
            .singleResult();
    then(task).as("signFor task of " + department).isNotNull();
    complete(task, withVariables(ProposalHandlingVariables.SIGN_FOR_DECISION, decision));
  }

  private List<String> signForGroups(ProcessInstance proposal) {
    return taskService()
        .createTaskQuery()
        .processInstanceId(proposal.getId())
        .taskDefinitionKey("signFor")
        .list()
        .stream()
        .flatMap(task -> candidateGroups(task).stream())
        .toList();
  }

  private List<ProcessInstance> departmentHandlings(ProcessInstance proposal) {
    return runtimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(proposal.getId())
        .processDefinitionKey("departmentHandling")
        .list();
  }

  /** Drives one department handling from its co-handling opinions to its end. */
  private void handleToTheEnd(ProcessInstance handling) {
    taskService()
        .createTaskQuery()
        .processInstanceId(handling.getId())
        .taskDefinitionKey("coHandlingOpinion")
        .list()
        .forEach(task -> complete(task, withVariables("opinion", "同意")));
    complete(
        taskOf(handling, "draftReply"),
        withVariables(DepartmentHandlingVariables.DISCLOSURE, "PUBLIC"));
    complete(
        taskOf(handling, "reviewDraft"),
        withVariables(DepartmentHandlingVariables.REVIEW_DECISION, "APPROVE"));
    complete(
        taskOf(handling, "signOff"),
        withVariables(DepartmentHandlingVariables.SIGN_OFF_DECISION, "APPROVE"));
    execute(job("sendReply", handling));
    execute(job("publishReply", handling));
    complete(
        taskOf(handling, "giveFeedback"),
        withVariables(DepartmentHandlingVariables.RESULT_RATING, "SATISFIED"));
    assertThat(handling).hasPassed("finishHandling").isEnded();
  }

  private void withdraw() {
    runtimeService()
        .createMessageCorrelation("ProposalWithdrawn")
        .processInstanceBusinessKey(BUSINESS_KEY)
        .correlate();
  }

  private void assertWithdrawn(ProcessInstance proposal) throws Exception {
    verify(delegate("withdrawProposalDelegate")).execute(any());
    assertThat(proposal).hasPassed("recordWithdrawal", "withdrawn").isEnded();
    then(taskService().createTaskQuery().count()).isZero();
    verify(delegate("closeProposalDelegate"), never()).execute(any());
  }

  private JavaDelegate delegate(String bean) {
    return delegates.get(bean);
  }
}
