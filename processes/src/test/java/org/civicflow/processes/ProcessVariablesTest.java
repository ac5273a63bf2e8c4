package org.civicflow.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civicflow.processes.ProcessVariable.Use;
import org.junit.jupiter.api.Test;

/**
 * Every variable a model uses is named by its model's class ({@link ModelVariables}), and every
 * variable a class names as used by its model is used there; the classes agree on each variable's
 * kind; every name constant of a class is listed (or said to be code only).
 */
class ProcessVariablesTest {

  /** The class of each model: every model file has one. */
  static final Map<String, Class<?>> CLASSES =
      Map.of(
          "bpmn/proposalHandling.bpmn", ProposalHandlingVariables.class,
          "bpmn/departmentHandling.bpmn", DepartmentHandlingVariables.class,
          "bpmn/commitmentFollowUp.bpmn", CommitmentFollowUpVariables.class,
          "bpmn/preSessionCheck.bpmn", PreSessionCheckVariables.class,
          "dmn/handlingDeadline.dmn", HandlingDeadlineVariables.class,
          "dmn/leadDepartmentRouting.dmn", LeadDepartmentRoutingVariables.class);

  @Test
  void everyModelHasItsClass() throws Exception {
    Set<String> files = new TreeSet<>();
    for (Path f : ModelConventionsTest.modelFiles("bpmn", ".bpmn")) {
      files.add("bpmn/" + f.getFileName());
    }
    for (Path f : ModelConventionsTest.modelFiles("dmn", ".dmn")) {
      files.add("dmn/" + f.getFileName());
    }
    assertThat(ModelVariables.BY_MODEL.keySet())
        .as("models without a class of their variables in ModelVariables")
        .containsExactlyInAnyOrderElementsOf(files);
    assertThat(CLASSES.keySet()).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void theModelsUseExactlyTheVariablesTheirClassesName() throws Exception {
    List<String> problems = new ArrayList<>();
    for (var model : ModelVariables.BY_MODEL.entrySet()) {
      problems.addAll(
          problems(
              resource(model.getKey()),
              CLASSES.get(model.getKey()).getSimpleName(),
              model.getValue(),
              codeOnly(CLASSES.get(model.getKey()))));
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  @Test
  void everyNameConstantOfAClassIsListedOrSaidToBeCodeOnly() throws Exception {
    List<String> unlisted = new ArrayList<>();
    for (var model : CLASSES.entrySet()) {
      Class<?> type = model.getValue();
      Set<String> listed = new TreeSet<>(codeOnly(type));
      ModelVariables.BY_MODEL.get(model.getKey()).forEach(v -> listed.add(v.name()));
      for (Field field : type.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          String name = (String) field.get(null);
          if (!listed.contains(name)) {
            unlisted.add(type.getSimpleName() + "." + field.getName() + " (" + name + ")");
          }
        }
      }
      assertThat(type.getField("VARIABLES").get(null))
          .isSameAs(ModelVariables.BY_MODEL.get(model.getKey()));
    }
    assertThat(unlisted).as("constants neither in VARIABLES nor in CODE_ONLY").isEmpty();
  }

  @Test
  void aVariableIsOfOneKindWhereverItIsListed() {
    Map<String, ProcessVariable> seen = new HashMap<>();
    List<String> disagreements = new ArrayList<>();
    ModelVariables.BY_MODEL.forEach(
        (model, variables) ->
            variables.forEach(
                v -> {
                  ProcessVariable first = seen.putIfAbsent(v.name(), v);
                  if (first != null
                      && (first.kind() != v.kind() || !first.values().equals(v.values()))) {
                    disagreements.add(v.name() + " in " + model);
                  }
                }));
    assertThat(disagreements).isEmpty();
  }

  @Test
  void aMisspeltVariableInAModelIsNamedInTheFailure() throws Exception {
    // a department's handling cut down to its first reminder, ${reminderlAt} for ${reminder1At}
    List<String> problems =
        problems(
            resource("misspelt/departmentHandling.bpmn"),
            "DepartmentHandlingVariables",
            DepartmentHandlingVariables.VARIABLES,
            DepartmentHandlingVariables.CODE_ONLY);
    assertThat(problems)
        .contains(
            "misspelt/departmentHandling.bpmn uses reminderlAt, which"
                + " DepartmentHandlingVariables does not name")
        .contains(
            "DepartmentHandlingVariables names reminder1At as used by"
                + " misspelt/departmentHandling.bpmn, which does not use it")
        .noneMatch(p -> p.contains(" department,") || p.contains(" disclosure,"));
    assertThat(ModelVariableReader.variablesOf(resource("misspelt/departmentHandling.bpmn")))
        .containsExactly("department", "disclosure", "reminderlAt");
  }

  @Test
  void aVariableOnlyOfferedOrCodeOnlyIsNotOneTheModelMayUse() throws Exception {
    List<ProcessVariable> offeredOnly = new ArrayList<>();
    for (ProcessVariable v : DepartmentHandlingVariables.VARIABLES) {
      offeredOnly.add(
          v.name().equals(DepartmentHandlingVariables.DUE_DATE)
              ? new ProcessVariable(v.name(), v.kind(), v.values(), Use.OFFERED)
              : v);
    }
    assertThat(
            problems(
                resource("bpmn/departmentHandling.bpmn"),
                "DepartmentHandlingVariables",
                offeredOnly,
                Set.of()))
        .containsExactly(
            "bpmn/departmentHandling.bpmn uses dueDate, which DepartmentHandlingVariables"
                + " does not name");
    assertThat(
            problems(
                resource("bpmn/departmentHandling.bpmn"),
                "DepartmentHandlingVariables",
                DepartmentHandlingVariables.VARIABLES.stream()
                    .filter(v -> !v.name().equals(DepartmentHandlingVariables.DUE_DATE))
                    .toList(),
                Set.of(DepartmentHandlingVariables.DUE_DATE)))
        .containsExactly(
            "bpmn/departmentHandling.bpmn uses dueDate, which DepartmentHandlingVariables"
                + " does not name");
  }

  @Test
  void theReaderFindsTheVariablesOfEveryKindOfExpression() {
    assertThat(
            ModelVariableReader.inExpressions(
                "${not (resultRating == 'UNSATISFIED' and rehandlingRound == 0)}"))
        .containsExactly("rehandlingRound", "resultRating");
    assertThat(ModelVariableReader.inExpressions("${department}-handler"))
        .containsExactly("department");
    assertThat(
            ModelVariableReader.inExpressions(
                "${handlingPlan.coDepartments(proposalId, department)}"))
        .containsExactly("department", "proposalId");
    assertThat(ModelVariableReader.inExpressions("#{execution.processBusinessKey}")).isEmpty();
    assertThat(ModelVariableReader.inExpressions("${!allCommitmentsKept}"))
        .containsExactly("allCommitmentsKept");
    assertThat(ModelVariableReader.inExpressions("${dueRules.workingDays(3)}")).isEmpty();
    assertThat(ModelVariableReader.inExpressions("P1M")).isEmpty();
  }

  @Test
  void aModelWithAScriptIsRefused() throws Exception {
    assertThatThrownBy(() -> ModelVariableReader.variablesOf(resource("misspelt/scripted.bpmn")))
        .hasMessageContaining("script");
  }

  /**
   * What is wrong between a model and its class: a variable the model uses that the class does not
   * name as used by it, and one the class names as used that the model does not use.
   */
  static List<String> problems(
      Path file, String owner, List<ProcessVariable> variables, Set<String> codeOnly)
      throws Exception {
    String model = file.getParent().getFileName() + "/" + file.getFileName();
    Set<String> used = ModelVariableReader.variablesOf(file);
    Map<String, ProcessVariable> named = new LinkedHashMap<>();
    variables.forEach(v -> named.put(v.name(), v));
    List<String> problems = new ArrayList<>();
    for (String name : used) {
      ProcessVariable v = named.get(name);
      if (v == null || v.use() != Use.MODEL || codeOnly.contains(name)) {
        problems.add(model + " uses " + name + ", which " + owner + " does not name");
      }
    }
    for (ProcessVariable v : variables) {
      if (v.use() == Use.MODEL && !used.contains(v.name())) {
        problems.add(
            owner + " names " + v.name() + " as used by " + model + ", which does not use it");
      }
    }
    return problems;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> codeOnly(Class<?> type) throws ReflectiveOperationException {
    return (Set<String>) type.getField("CODE_ONLY").get(null);
  }

  private static Path resource(String name) throws URISyntaxException {
    var url = ProcessVariablesTest.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalArgumentException("no resource " + name);
    }
    return Path.of(url.toURI());
  }
}
