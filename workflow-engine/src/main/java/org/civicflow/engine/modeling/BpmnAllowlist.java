package org.civicflow.engine.modeling;

import java.util.Set;

/**
 * What a BPMN model may contain beyond the BPMN elements: the Camunda attributes and extension
 * elements, the places that take an expression, the prose that may mention anything — and which
 * refusals are about safety. {@link BpmnRules} checks a model against these lists.
 */
final class BpmnAllowlist {

  private BpmnAllowlist() {}

  /**
   * Camunda attributes a model may use (others — class, expression, type, topic… — are refused).
   */
  static final Set<String> CAMUNDA_ATTRIBUTES =
      Set.of(
          "historyTimeToLive",
          "versionTag",
          "isStartableInTasklist",
          "candidateGroups",
          "candidateUsers",
          "assignee",
          "dueDate",
          "followUpDate",
          "priority",
          "formKey",
          "delegateExpression",
          "asyncBefore",
          "asyncAfter",
          "exclusive",
          "jobPriority",
          "collection",
          "elementVariable",
          "decisionRef",
          "decisionRefBinding",
          "decisionRefVersion",
          "resultVariable",
          "mapDecisionResult",
          "calledElementBinding",
          "calledElementVersion",
          "variableName",
          "variableEvents",
          "initiator",
          "errorCodeVariable",
          "errorMessageVariable",
          "escalationCodeVariable");

  /** Camunda extension elements a model may use: variable mapping and properties only. */
  static final Set<String> CAMUNDA_ELEMENTS =
      Set.of(
          "inputOutput",
          "inputParameter",
          "outputParameter",
          "in",
          "out",
          "properties",
          "property",
          "failedJobRetryTimeCycle",
          "list",
          "map",
          "entry",
          "value");

  /** Camunda attributes that take an expression. */
  static final Set<String> EXPRESSION_ATTRIBUTES =
      Set.of(
          "candidateGroups",
          "candidateUsers",
          "assignee",
          "dueDate",
          "followUpDate",
          "priority",
          "collection",
          "delegateExpression");

  /** Elements whose text is an expression or a literal. */
  static final Set<String> EXPRESSION_TEXTS =
      Set.of(
          "conditionExpression",
          "condition",
          "timeDate",
          "timeDuration",
          "timeCycle",
          "loopCardinality",
          "completionCondition",
          "inputParameter",
          "outputParameter",
          "value",
          "entry");

  /** Prose: may mention anything. */
  static final Set<String> PROSE = Set.of("documentation", "textAnnotation", "text");

  /** Whether a problem is about safety (then the engine's parser is not run on the file). */
  static boolean isSafetyProblem(ModelProblem p) {
    return SAFETY.contains(p.message());
  }

  static final Set<String> SAFETY =
      Set.of(
          "model.scriptTask",
          "model.script",
          "model.scriptCondition",
          "model.camundaAttributeRefused",
          "model.camundaElementRefused",
          "model.foreignExtension",
          "model.expressionRefused",
          "model.expressionNotAllowedHere",
          "model.delegateNotAllowed",
          "model.dmnExpressionLanguage",
          "model.dmnJuel");
}
