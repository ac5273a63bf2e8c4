package org.civicflow.processes;

import static org.assertj.core.api.BDDAssertions.then;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conventions every model under {@code bpmn/} and {@code dmn/} keeps (engineering guide:
 * BPMN/DMN uploads contain no scripts, only allowlisted delegates; the API task keys are the user
 * task ids; 6-month history retention), and proof that the Camunda parser accepts all models
 * together.
 */
class ModelConventionsTest {

  /** The task keys of the API contract (api-v1.md): the only allowed user task ids. */
  static final Set<String> TASK_KEYS =
      Set.of(
          "reviewAcceptance",
          "assignDepartments",
          "signFor",
          "decideReassignment",
          "coHandlingOpinion",
          "draftReply",
          "reviewDraft",
          "signOff",
          "confirmNonDisclosure",
          "giveFeedback",
          "decideExtension",
          "superviseOverdue",
          "reportCommitment",
          "reviewCommitmentReport",
          "signSupplementaryReply",
          "superviseCommitment",
          "decideResultCategory",
          "reportBeforeSession");

  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

  @RegisterExtension
  static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder().build();

  @Test
  void theExpectedModelsArePresent() throws Exception {
    then(modelFiles("bpmn", ".bpmn"))
        .extracting(path -> path.getFileName().toString())
        .containsExactlyInAnyOrder(
            "proposalHandling.bpmn",
            "departmentHandling.bpmn",
            "commitmentFollowUp.bpmn",
            "preSessionCheck.bpmn");
    then(modelFiles("dmn", ".dmn"))
        .extracting(path -> path.getFileName().toString())
        .containsExactlyInAnyOrder("leadDepartmentRouting.dmn", "handlingDeadline.dmn");
  }

  @Test
  void everyBpmnModelKeepsTheConventions() throws Exception {
    List<String> violations = new ArrayList<>();
    for (Path file : modelFiles("bpmn", ".bpmn")) {
      String xml = Files.readString(file, StandardCharsets.UTF_8);
      BpmnModelInstance model =
          Bpmn.readModelFromStream(Files.newInputStream(file)); // validates against the schema
      violations.addAll(violations(file.getFileName().toString(), model, xml));
    }
    then(violations).isEmpty();
  }

  @Test
  void everyDecisionKeepsItsHistoryForAtLeastSixMonths() throws Exception {
    for (Path file : modelFiles("dmn", ".dmn")) {
      DmnModelInstance model = Dmn.readModelFromStream(Files.newInputStream(file));
      Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
      then(decisions).as(file.toString()).isNotEmpty();
      for (Decision decision : decisions) {
        then(decision.getCamundaHistoryTimeToLive())
            .as(decision.getId())
            .isGreaterThanOrEqualTo(180);
      }
      then(Files.readString(file)).doesNotContain("expressionLanguage=\"javascript\"");
    }
  }

  @Test
  void theEngineDeploysAllModelsTogether() throws Exception {
    RepositoryService repositoryService = ENGINE.getRepositoryService();
    DeploymentBuilder builder = repositoryService.createDeployment().name("all models");
    for (Path file : concat(modelFiles("bpmn", ".bpmn"), modelFiles("dmn", ".dmn"))) {
      try (InputStream in = Files.newInputStream(file)) {
        builder.addInputStream(file.getFileName().toString(), in);
      }
    }
    Deployment deployment = builder.deploy();
    try {
      then(repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).list())
          .extracting(ProcessDefinition::getKey)
          .containsExactlyInAnyOrder(
              "proposalHandling", "departmentHandling", "commitmentFollowUp", "preSessionCheck");
      then(repositoryService
              .createDecisionDefinitionQuery()
              .deploymentId(deployment.getId())
              .list())
          .extracting(DecisionDefinition::getKey)
          .containsExactlyInAnyOrder("leadDepartmentRouting", "handlingDeadline");
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theChecksCatchABrokenModel() {
    BpmnModelInstance broken =
        Bpmn.createExecutableProcess("broken")
            .startEvent()
            .name("开始")
            .userTask("approveEverything")
            .scriptTask("script")
            .name("脚本")
            .scriptFormat("javascript")
            .scriptText("1")
            .serviceTask("callOut")
            .name("外部调用")
            .camundaClass("com.example.Anything")
            .serviceTask("unknownBean")
            .name("未知")
            .camundaDelegateExpression("${somethingElse}")
            .done();
    // the fluent builder fills in a name and a history time-to-live: take them out again
    broken
        .getModelElementsByType(Process.class)
        .forEach(p -> p.setCamundaHistoryTimeToLiveString(null));
    broken.<UserTask>getModelElementById("approveEverything").setName(" ");

    List<String> violations = violations("broken.bpmn", broken, Bpmn.convertToString(broken));

    then(violations)
        .anyMatch(v -> v.contains("no historyTimeToLive"))
        .anyMatch(v -> v.contains("approveEverything: not a task key"))
        .anyMatch(v -> v.contains("approveEverything: no candidate groups"))
        .anyMatch(v -> v.contains("approveEverything: no name"))
        .anyMatch(v -> v.contains("script: script task"))
        .anyMatch(v -> v.contains("contains a script"))
        .anyMatch(v -> v.contains("callOut: service task must use"))
        .anyMatch(v -> v.contains("unknownBean: delegate bean somethingElse is not allowlisted"))
        .anyMatch(v -> v.contains("unknownBean: no outgoing sequence flow"));
  }

  // ------------------------------------------------------------------ the checks

  static List<String> violations(String file, BpmnModelInstance model, String xml) {
    List<String> violations = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.getCamundaHistoryTimeToLiveString() == null) {
        violations.add(file + ": process " + process.getId() + " has no historyTimeToLive");
      }
      if (!process.isExecutable()) {
        violations.add(file + ": process " + process.getId() + " is not executable");
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      String where = file + ": " + node.getId() + ": ";
      if (node.getName() == null || node.getName().isBlank()) {
        violations.add(where + "no name");
      }
      boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
      if (!(node instanceof EndEvent) && !eventSubProcess && node.getOutgoing().isEmpty()) {
        violations.add(where + "no outgoing sequence flow");
      }
      if (node instanceof ExclusiveGateway gateway && gateway.getOutgoing().size() > 1) {
        for (SequenceFlow flow : gateway.getOutgoing()) {
          if (flow.getName() == null || flow.getName().isBlank()) {
            violations.add(
                where + "sequence flow " + flow.getId() + " out of a decision has no name");
          }
          if (flow.getConditionExpression() == null && gateway.getDefault() != flow) {
            violations.add(where + "sequence flow " + flow.getId() + " has no condition");
          }
        }
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String where = file + ": " + task.getId() + ": ";
      if (!TASK_KEYS.contains(task.getId())) {
        violations.add(where + "not a task key of the API contract");
      }
      if (task.getCamundaCandidateGroups() == null
          && task.getCamundaCandidateUsers() == null
          && task.getCamundaAssignee() == null) {
        violations.add(where + "no candidate groups, candidate users or assignee");
      }
    }
    for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
      violations.add(file + ": " + task.getId() + ": script task");
    }
    if (!model.getModelElementsByType(CamundaScript.class).isEmpty()
        || xml.contains("scriptFormat")
        || xml.contains("camunda:script")
        || xml.contains("camunda:resource")
        || xml.contains(" language=")) {
      violations.add(file + ": contains a script");
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkDelegate(
          file + ": " + task.getId() + ": ",
          task.getCamundaDelegateExpression(),
          task.getCamundaClass() != null
              || task.getCamundaExpression() != null
              || task.getCamundaType() != null,
          violations);
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      checkDelegate(
          file + ": " + task.getId() + ": ",
          task.getCamundaDelegateExpression(),
          task.getCamundaClass() != null
              || task.getCamundaExpression() != null
              || task.getCamundaType() != null,
          violations);
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (task.getCamundaDecisionRef() == null || task.getCamundaClass() != null) {
        violations.add(file + ": " + task.getId() + ": business rule task must use a decisionRef");
      }
    }
    for (CamundaExecutionListener listener :
        model.getModelElementsByType(CamundaExecutionListener.class)) {
      checkDelegate(
          file + ": execution listener: ",
          listener.getCamundaDelegateExpression(),
          listener.getCamundaClass() != null || listener.getCamundaExpression() != null,
          violations);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      checkDelegate(
          file + ": task listener: ",
          listener.getCamundaDelegateExpression(),
          listener.getCamundaClass() != null || listener.getCamundaExpression() != null,
          violations);
    }
    return violations;
  }

  private static void checkDelegate(
      String where, String delegateExpression, boolean otherImplementation, List<String> out) {
    Matcher bean = BEAN_EXPRESSION.matcher(delegateExpression == null ? "" : delegateExpression);
    if (otherImplementation || !bean.matches()) {
      out.add(where + "service task must use camunda:delegateExpression=\"${bean}\" only");
    } else if (!DelegateMocks.DELEGATE_BEANS.contains(bean.group(1))) {
      out.add(where + "delegate bean " + bean.group(1) + " is not allowlisted");
    }
  }

  // ------------------------------------------------------------------ helpers

  static List<Path> modelFiles(String folder, String extension)
      throws IOException, URISyntaxException {
    URL url = ModelConventionsTest.class.getClassLoader().getResource(folder);
    then(url).as("classpath folder " + folder).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.filter(path -> path.toString().endsWith(extension)).sorted().toList();
    }
  }

  private static List<Path> concat(List<Path> first, List<Path> second) {
    List<Path> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
