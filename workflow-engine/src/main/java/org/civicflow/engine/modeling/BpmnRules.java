package org.civicflow.engine.modeling;

import static org.civicflow.engine.modeling.BpmnAllowlist.CAMUNDA_ATTRIBUTES;
import static org.civicflow.engine.modeling.BpmnAllowlist.CAMUNDA_ELEMENTS;
import static org.civicflow.engine.modeling.BpmnAllowlist.EXPRESSION_ATTRIBUTES;
import static org.civicflow.engine.modeling.BpmnAllowlist.EXPRESSION_TEXTS;
import static org.civicflow.engine.modeling.BpmnAllowlist.PROSE;
import static org.civicflow.engine.modeling.ModelNames.ACTIVITI;
import static org.civicflow.engine.modeling.ModelNames.BPMN;
import static org.civicflow.engine.modeling.ModelNames.CAMUNDA;
import static org.civicflow.engine.modeling.ModelNames.attr;
import static org.civicflow.engine.modeling.ModelNames.camunda;
import static org.civicflow.engine.modeling.ModelNames.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicflow.engine.task.TaskKey;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Our rules for a BPMN model, checked on the XML before Camunda sees it: nothing that runs code of
 * its own (scripts, classes, free expressions, listeners, connectors), only allowlisted delegates
 * and safe expressions in the places that take them, every user task with a known task key and
 * candidates, known decisions and processes, valid timers — and a flow with no unreachable elements
 * or dead ends.
 */
final class BpmnRules {

  private final ProcessVocabulary vocabulary;
  private final SafeExpressions expressions;
  private final List<ModelProblem> problems = new ArrayList<>();

  private BpmnRules(ProcessVocabulary vocabulary) {
    this.vocabulary = vocabulary;
    this.expressions = vocabulary.expressions();
  }

  /** Every problem of the document, with the element it is about. */
  static List<ModelProblem> check(Document doc, ProcessVocabulary vocabulary) {
    BpmnRules rules = new BpmnRules(vocabulary);
    rules.checkDocument(doc);
    return rules.problems;
  }

  private void checkDocument(Document doc) {
    Element root = doc.getDocumentElement();
    if (!ModelNames.is(root, BPMN, "definitions")) {
      problems.add(ModelProblem.ofFile("model.notBpmn"));
      return;
    }
    List<Element> processes = children(root, BPMN, "process");
    if (processes.size() != 1) {
      problems.add(ModelProblem.ofFile("model.oneProcess", processes.size()));
    }
    ElementWalk.walk(root, this::check);
    ScriptElements.check(root, problems);
    for (Element process : processes) {
      checkProcess(process);
      FlowGraph.check(process, problems);
    }
  }

  private void checkProcess(Element process) {
    if (!"true".equals(attr(process, "isExecutable"))) {
      problems.add(problem(process, "model.notExecutable"));
    }
    String ttl = camunda(process, "historyTimeToLive");
    if (ttl == null || !ttl.matches("\\d{1,5}") || Integer.parseInt(ttl) < 180) {
      problems.add(problem(process, "model.historyTimeToLive", 180));
    }
  }

  /**
   * One element and its attributes; whether its children are looked at too (not those of refused
   * extensions, which are refused whole, nor those of prose). Scripts are found anywhere by {@link
   * ScriptElements}.
   */
  private boolean check(Element e) {
    String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
    String local = e.getLocalName();
    if (ns.equals(ACTIVITI)) {
      problems.add(problem(e, "model.foreignExtension", e.getTagName()));
      return false;
    }
    if (ns.equals(CAMUNDA) && !CAMUNDA_ELEMENTS.contains(local)) {
      problems.add(problem(e, "model.camundaElementRefused", e.getTagName()));
      return false;
    }
    if (ns.equals(BPMN)) {
      checkBpmnElement(e, local);
    }
    checkAttributes(e, ns);
    checkText(e, ns, local);
    return !(ns.equals(BPMN) && PROSE.contains(local));
  }

  private void checkBpmnElement(Element e, String local) {
    switch (local) {
      case "conditionExpression", "condition" -> {
        if (attr(e, "language") != null) {
          problems.add(problem(e, "model.scriptCondition", attr(e, "language")));
        }
      }
      case "userTask" -> checkUserTask(e);
      case "businessRuleTask" -> checkDecisionRef(e);
      case "callActivity" -> checkCalledElement(e);
      case "timeDate", "timeDuration", "timeCycle" -> checkTimer(e, local);
      default -> {}
    }
  }

  private void checkAttributes(Element e, String ns) {
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      String ans = a.getNamespaceURI();
      String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
      String value = a.getValue();
      if (ACTIVITI.equals(ans)) {
        problems.add(problem(e, "model.foreignExtension", a.getName()));
        continue;
      }
      if (CAMUNDA.equals(ans)) {
        if (!CAMUNDA_ATTRIBUTES.contains(name)) {
          problems.add(problem(e, "model.camundaAttributeRefused", a.getName()));
          continue;
        }
        if (name.equals("delegateExpression")) {
          checkDelegate(e, value);
          continue;
        }
        if (name.equals("formKey")) {
          if (TaskKey.of(value.strip()).isEmpty()) {
            problems.add(problem(e, "model.formKeyUnknown", value));
          }
          continue;
        }
        if (EXPRESSION_ATTRIBUTES.contains(name)) {
          checkExpression(e, value);
          continue;
        }
      }
      boolean camundaChild = CAMUNDA.equals(ns) && ans == null;
      if (camundaChild && (name.equals("sourceExpression") || name.equals("businessKey"))) {
        checkExpression(e, value);
        continue;
      }
      if (SafeExpressions.containsExpression(value)) {
        problems.add(problem(e, "model.expressionNotAllowedHere", a.getName(), value));
      }
    }
  }

  private void checkText(Element e, String ns, String local) {
    if ((ns.equals(BPMN) && PROSE.contains(local))) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(c.getNodeValue());
      }
    }
    String value = text.toString();
    if (!SafeExpressions.containsExpression(value)) {
      return;
    }
    boolean allowed = (ns.equals(BPMN) || ns.equals(CAMUNDA)) && EXPRESSION_TEXTS.contains(local);
    if (allowed) {
      checkExpression(e, value.strip());
    } else {
      problems.add(problem(e, "model.expressionNotAllowedHere", e.getTagName(), value.strip()));
    }
  }

  private void checkExpression(Element e, String value) {
    Optional<String> refused = expressions.check(value);
    refused.ifPresent(r -> problems.add(problem(e, "model.expressionRefused", value, r)));
  }

  private void checkDelegate(Element e, String value) {
    String v = value.strip();
    String bean =
        v.startsWith("${") && v.endsWith("}") ? v.substring(2, v.length() - 1).strip() : "";
    if (!vocabulary.delegates().contains(bean)) {
      problems.add(problem(e, "model.delegateNotAllowed", value));
    }
  }

  private void checkUserTask(Element task) {
    String id = attr(task, "id");
    String form = camunda(task, "formKey");
    if (form == null && (id == null || TaskKey.of(id).isEmpty())) {
      problems.add(problem(task, "model.userTaskKey"));
    }
    String groups = camunda(task, "candidateGroups");
    String users = camunda(task, "candidateUsers");
    String assignee = camunda(task, "assignee");
    if (groups == null && users == null && assignee == null) {
      problems.add(problem(task, "model.userTaskCandidates"));
    }
    if (groups != null) {
      for (String g : groups.split(",")) {
        String group = g.strip();
        if (!group.isEmpty() && !vocabulary.isKnownGroup(group)) {
          problems.add(problem(task, "model.unknownGroup", group));
        }
      }
    }
    if (assignee != null
        && SafeExpressions.containsExpression(assignee)
        && !vocabulary.isUserVariable(assignee)) {
      problems.add(problem(task, "model.assigneeRefused", assignee));
    }
    if (users != null && SafeExpressions.containsExpression(users)) {
      problems.add(problem(task, "model.assigneeRefused", users));
    }
  }

  private void checkDecisionRef(Element task) {
    String ref = camunda(task, "decisionRef");
    if (ref == null) {
      problems.add(problem(task, "model.decisionMissing"));
    } else if (SafeExpressions.containsExpression(ref)) {
      problems.add(problem(task, "model.expressionNotAllowedHere", "camunda:decisionRef", ref));
    } else if (!vocabulary.decisionKeys().contains(ref)) {
      problems.add(problem(task, "model.unknownDecision", ref));
    }
  }

  private void checkCalledElement(Element call) {
    String called = attr(call, "calledElement");
    if (called == null) {
      problems.add(problem(call, "model.calledElementMissing"));
    } else if (SafeExpressions.containsExpression(called)) {
      problems.add(problem(call, "model.expressionNotAllowedHere", "calledElement", called));
    } else if (!vocabulary.processKeys().contains(called)) {
      problems.add(problem(call, "model.unknownProcess", called));
    }
  }

  private void checkTimer(Element timer, String kind) {
    String value = timer.getTextContent() == null ? "" : timer.getTextContent().strip();
    if (value.isEmpty()) {
      problems.add(problem(timer, "model.timerValue", value));
      return;
    }
    if (SafeExpressions.containsExpression(value)) {
      return; // checked as an expression
    }
    if (!TimerValues.valid(kind, value)) {
      problems.add(problem(timer, "model.timerValue", value));
    }
  }

  static List<Element> children(Element parent, String ns, String local) {
    List<Element> out = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && ModelNames.is(e, ns, local)) {
        out.add(e);
      }
    }
    return out;
  }
}
