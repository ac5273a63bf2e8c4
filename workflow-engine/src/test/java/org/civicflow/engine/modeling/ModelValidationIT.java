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
            "bpmn/commitmentFollowUp.bpmn",
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
  void scriptsAreRefusedInAnyNamespaceAndAnywhere() {
    List<ModelProblem> problems =
        validation.validate(HostileModels.bpmn(HostileModels.SCRIPTS_ELSEWHERE)).problems();
    assertThat(problems)
        .filteredOn(p -> p.message().startsWith("model.script"))
        .extracting(ModelProblem::message, p -> p.args().get(0))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("model.script", "script"),
            org.assertj.core.groups.Tuple.tuple("model.script", "camunda:script"),
            org.assertj.core.groups.Tuple.tuple("model.scriptTask", "tool:scriptTask"),
            org.assertj.core.groups.Tuple.tuple("model.script", "tool:script"));
    assertThat(problems).allSatisfy(p -> assertThat(p.elementId()).isIn("step", "inner"));
    assertThat(messages(validation.validate(HostileModels.bpmn(HostileModels.SCRIPT_LISTENER))))
        .contains("model.camundaElementRefused", "model.script");
    String inDecision =
        HostileModels.builtIn("dmn/handlingDeadline.dmn")
            .replace(
                "<description>复杂事项：6 个月</description>",
                "<description>复杂事项：6 个月</description>"
                    + "<x:script xmlns:x=\"urn:x\">java.lang.Runtime</x:script>");
    assertThat(
            messages(
                validation.validate(
                    new ModelFile(
                        "handlingDeadline.dmn", inDecision.getBytes(StandardCharsets.UTF_8)))))
        .containsExactly("model.script");
  }

  @Test
  void decisionsNameTheirLanguagesExactly() {
    for (String accepted : List.of("feel", "FEEL", "https://www.omg.org/spec/DMN/20191111/FEEL/")) {
      assertThat(
              validation
                  .validate(
                      HostileModels.decisionWith(
                          "<inputExpression id=\"inputProposalTypeExpression\"",
                          "expressionLanguage=\"" + accepted + "\""))
                  .problems())
          .as(accepted)
          .isEmpty();
    }
    assertThat(
            validation
                .validate(
                    HostileModels.decisionWith(
                        "<definitions",
                        "typeLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\""))
                .problems())
        .isEmpty();
    for (String refused :
        List.of(
            "javascript",
            "juel",
            "Feel",
            "http://evil.example/feel/",
            "https://www.omg.org/spec/DMN/20191111/FEEL/../../groovy",
            " feel")) {
      assertThat(
              messages(
                  validation.validate(
                      HostileModels.decisionWith(
                          "<inputEntry id=\"ruleComplexType\"",
                          "expressionLanguage=\"" + refused + "\""))))
          .as(refused)
          .containsExactly("model.dmnExpressionLanguage");
    }
    assertThat(
            messages(
                validation.validate(
                    HostileModels.decisionWith("<definitions", "typeLanguage=\"groovy\""))))
        .containsExactly("model.dmnExpressionLanguage");
  }

  @Test
  void aDeeplyNestedFileIsAProblemNotACrash() {
    for (ModelFile deep :
        List.of(
            HostileModels.nested("deep.bpmn", ModelNames.BPMN, 100_000),
            HostileModels.nested(
                "deep.dmn", "https://www.omg.org/spec/DMN/20191111/MODEL/", 100_000),
            HostileModels.nested("deep.bpmn", ModelNames.BPMN, ElementWalk.MAX_DEPTH))) {
      ModelReport report = validation.validate(deep);
      assertThat(report.valid()).isFalse();
      assertThat(report.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.message()).isEqualTo("model.tooDeep");
                assertThat(p.args()).containsExactly(ElementWalk.MAX_DEPTH);
              });
    }
    // as deep as allowed: read, and refused for what it is (no process)
    assertThat(
            messages(
                validation.validate(
                    HostileModels.nested("deep.bpmn", ModelNames.BPMN, ElementWalk.MAX_DEPTH - 1))))
        .doesNotContain("model.tooDeep")
        .contains("model.oneProcess");
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
