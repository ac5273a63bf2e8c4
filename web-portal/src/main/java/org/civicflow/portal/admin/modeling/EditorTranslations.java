package org.civicflow.portal.admin.modeling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The texts bpmn-js and dmn-js show themselves (palette, context pad, menus, table headers), in the
 * reader's language: both pass their English text to a translate function, so the page hands the
 * editor pairs of English text (the key's text in {@code messages-editor_en}) and the reader's
 * text.
 */
enum EditorTranslations {
  BPMNJS(
      "editor.djs.",
      List.of(
          "activateHandTool",
          "activateLassoTool",
          "activateSpaceTool",
          "activateGlobalConnect",
          "createStartEvent",
          "createIntermediateEvent",
          "createEndEvent",
          "createGateway",
          "createTask",
          "createSubProcess",
          "appendTask",
          "appendGateway",
          "appendEndEvent",
          "appendIntermediateEvent",
          "appendTimer",
          "appendMessage",
          "appendReceiveTask",
          "appendConditional",
          "appendSignal",
          "addTextAnnotation",
          "changeElement",
          "delete",
          "connect",
          "searchInDiagram",
          "toggleNonInterrupting",
          "task",
          "userTask",
          "serviceTask",
          "businessRuleTask",
          "callActivity",
          "subProcessCollapsed",
          "subProcessExpanded",
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "startEvent",
          "intermediateThrowEvent",
          "endEvent",
          "timerStartEvent",
          "timerIntermediateCatchEvent",
          "timerBoundaryEvent",
          "timerBoundaryEventNonInterrupting",
          "sequenceFlow",
          "defaultFlow",
          "conditionalFlow",
          "createUserTask",
          "createServiceTask",
          "createTimerEvent")),
  DMNJS(
      "editor.dmnjs.",
      List.of(
          "when",
          "and",
          "then",
          "annotations",
          "hitPolicy",
          "viewDrd",
          "addRule",
          "addRuleAbove",
          "addRuleBelow",
          "removeRule",
          "copyRule",
          "cutRule",
          "pasteRuleAbove",
          "pasteRuleBelow",
          "moveRule",
          "editString",
          "editNumber",
          "editBoolean",
          "yes",
          "no",
          "matchOne",
          "matchNone",
          "inputLabel",
          "outputLabel",
          "outputName",
          "inputExpression",
          "expressionLanguage",
          "type",
          "value",
          "stringsInQuotes",
          "addCellDescription",
          "removeCellDescription"));

  private final String prefix;
  private final List<String> keys;

  EditorTranslations(String prefix, List<String> keys) {
    this.prefix = prefix;
    this.keys = keys;
  }

  /** The message keys of these texts. */
  List<String> codes() {
    return keys.stream().map(k -> prefix + k).toList();
  }

  /** English text to the text in the locale; empty for English readers. */
  Map<String, String> of(MessageSource messages, Locale locale) {
    Map<String, String> out = new LinkedHashMap<>();
    if (locale != null && locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
      return out;
    }
    for (String code : codes()) {
      out.put(
          messages.getMessage(code, null, code, Locale.ENGLISH),
          messages.getMessage(code, null, code, locale));
    }
    return out;
  }
}
