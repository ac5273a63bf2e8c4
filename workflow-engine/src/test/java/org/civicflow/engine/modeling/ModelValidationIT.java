package org.civicflow.engine.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The checks before deployment: the built-in models pass; hostile and broken ones are refused. */
@SpringBootTest
class ModelValidationIT {

  @Autowired ModelValidation validation;

  private List<String> messages(ModelReport report) {
    return report.problems().stream().map(ModelProblem::message).toList();
  }

  @Test
  void theBuiltInModelsPassEveryCheck() {
    for (String path :
        List.of(
            "bpmn/proposalHandling.bpmn",
            "bpmn/departmentHandling.bpmn",
            "dmn/leadDepartmentRouting.dmn",
            "dmn/handlingDeadline.dmn")) {
      String name = path.substring(path.indexOf('/') + 1);
      ModelReport report =
          validation.validate(
              new ModelFile(name, HostileModels.builtIn(path).getBytes(StandardCharsets.UTF_8)));
      assertThat(report.problems()).as(path).isEmpty();
      assertThat(report.key()).isEqualTo(name.substring(0, name.indexOf('.')));
    }
  }

  @Test
  void codeOfItsOwnIsRefused() {
    assertThat(messages(validation.validate(HostileModels.bpmn(HostileModels.SCRIPT_TASK))))
        .contains("model.scriptTask", "model.script");
    assertThat(messages(validation.validate(HostileModels.bpmn(HostileModels.SCRIPT_LISTENER))))
        .contains("model.camundaElementRefused");
    assertThat(validation.validate(HostileModels.bpmn(HostileModels.UNKNOWN_DELEGATE)).problems())
        .anySatisfy(
            p -> {
              assertThat(p.message()).isEqualTo("model.delegateNotAllowed");
              assertThat(p.elementId()).isEqualTo("step");
              assertThat(p.elementName()).isEqualTo("删除数据");
            });
    assertThat(messages(validation.validate(HostileModels.bpmn(HostileModels.JAVA_CLASS))))
        .contains("model.camundaAttributeRefused");
    assertThat(messages(validation.validate(HostileModels.bpmn(HostileModels.ACTIVITI_CLASS))))
        .contains("model.foreignExtension");
    assertThat(messages(validation.validate(HostileModels.bpmn(HostileModels.EXPRESSION_ESCAPE))))
        .containsExactly("model.expressionRefused");
  }

  @Test
  void entitiesAreNeverResolved() {
    assertThat(messages(validation.validate(HostileModels.bpmn(HostileModels.XXE))))
        .containsExactly("model.doctype");
    assertThat(messages(validation.validate(HostileModels.bpmn(HostileModels.BILLION_LAUGHS))))
        .containsExactly("model.doctype");
  }

  @Test
  void tooLargeOrNotAModelAtAll() {
    assertThat(messages(validation.validate(HostileModels.huge(20 * 1024 * 1024))))
        .containsExactly("model.tooLarge");
    assertThat(
            messages(
                validation.validate(
                    new ModelFile("x.bpmn", "这不是流程图".getBytes(StandardCharsets.UTF_8)))))
        .containsExactly("model.notXml");
    assertThat(
            messages(
                validation.validate(
                    new ModelFile(
                        "x.bpmn",
                        "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)))))
        .as("named .bpmn")
        .containsExactly("model.notBpmn");
    assertThat(
            messages(
                validation.validate(
                    new ModelFile(
                        "notes.txt",
                        "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)))))
        .containsExactly("model.notAModel");
    assertThat(messages(validation.validate(new ModelFile("x.bpmn", new byte[0]))))
        .containsExactly("model.empty");
  }

  @Test
  void theFlowMustBeSound() {
    ModelReport report = validation.validate(HostileModels.bpmn(HostileModels.DEAD_END));
    assertThat(report.problems())
        .extracting(ModelProblem::elementId, ModelProblem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple("reviewDraft", "model.deadEnd"),
            org.assertj.core.groups.Tuple.tuple("orphan", "model.unreachable"),
            org.assertj.core.groups.Tuple.tuple("orphan", "model.userTaskKey"),
            org.assertj.core.groups.Tuple.tuple("orphan", "model.userTaskCandidates"));
  }

  @Test
  void aUserTaskNamesAKnownFormAndExistingGroups() {
    String edited =
        HostileModels.departmentHandling()
            .replace(
                "camunda:candidateGroups=\"${department}-leader\"",
                "camunda:candidateGroups=\"NOSUCH-leader\" camunda:formKey=\"approveEverything\"");
    assertThat(messages(validation.validate(HostileModels.bpmn(edited))))
        .containsExactlyInAnyOrder("model.unknownGroup", "model.formKeyUnknown");
  }
}
