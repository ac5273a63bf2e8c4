package org.civicflow.engine.modeling;

import static org.civicflow.engine.modeling.ModelNames.BPMN;
import static org.civicflow.engine.modeling.ModelNames.attr;
import static org.civicflow.engine.modeling.ModelNames.problem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The flow of one scope (the process, or a sub-process inside it): every element must be reachable
 * from a start, and every element must lead on to an end. Boundary events are reached with the
 * activity they are attached to; link events jump; event sub-processes start on their own trigger.
 */
final class FlowGraph {

  private static final Set<String> SCOPES = Set.of("process", "subProcess", "transaction");

  private static final Set<String> NOT_FLOW_NODES =
      Set.of(
          "sequenceFlow",
          "dataObject",
          "dataObjectReference",
          "dataStoreReference",
          "textAnnotation",
          "association",
          "laneSet",
          "documentation",
          "extensionElements",
          "ioSpecification",
          "property",
          "multiInstanceLoopCharacteristics",
          "standardLoopCharacteristics",
          "group",
          "category");

  private final Element scope;
  private final Map<String, Element> nodes = new LinkedHashMap<>();
  private final Map<String, Set<String>> outgoing = new HashMap<>();
  private final Map<String, Set<String>> incoming = new HashMap<>();

  private FlowGraph(Element scope) {
    this.scope = scope;
  }

  /**
   * Checks the scope and, recursively, the sub-processes inside it (ad-hoc sub-processes have no
   * flow to check).
   */
  static void check(Element scope, List<ModelProblem> problems) {
    FlowGraph graph = new FlowGraph(scope);
    graph.read();
    graph.report(problems);
    for (Element node : graph.nodes.values()) {
      if (SCOPES.contains(node.getLocalName())) {
        check(node, problems);
      }
    }
  }

  private void read() {
    for (Node c = scope.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (!(c instanceof Element e) || !BPMN.equals(e.getNamespaceURI())) {
        continue;
      }
      String local = e.getLocalName();
      String id = attr(e, "id");
      if (local.equals("sequenceFlow")) {
        String from = attr(e, "sourceRef");
        String to = attr(e, "targetRef");
        if (from != null && to != null) {
          outgoing.computeIfAbsent(from, k -> new HashSet<>()).add(to);
          incoming.computeIfAbsent(to, k -> new HashSet<>()).add(from);
        }
      } else if (id != null && !NOT_FLOW_NODES.contains(local)) {
        nodes.put(id, e);
      }
    }
    // boundary events follow their activity; link throws jump to the catch of the same name
    Map<String, String> linkCatches = new HashMap<>();
    for (Element e : nodes.values()) {
      String link = linkName(e);
      if (link != null && e.getLocalName().equals("intermediateCatchEvent")) {
        linkCatches.put(link, attr(e, "id"));
      }
    }
    for (Element e : nodes.values()) {
      String id = attr(e, "id");
      if (e.getLocalName().equals("boundaryEvent") && attr(e, "attachedToRef") != null) {
        edge(attr(e, "attachedToRef"), id);
      }
      String link = linkName(e);
      if (link != null
          && e.getLocalName().equals("intermediateThrowEvent")
          && linkCatches.containsKey(link)) {
        edge(id, linkCatches.get(link));
      }
    }
  }

  private void edge(String from, String to) {
    outgoing.computeIfAbsent(from, k -> new HashSet<>()).add(to);
    incoming.computeIfAbsent(to, k -> new HashSet<>()).add(from);
  }

  private void report(List<ModelProblem> problems) {
    Set<String> starts = new HashSet<>();
    Set<String> ends = new HashSet<>();
    for (Element e : nodes.values()) {
      String id = attr(e, "id");
      if (isOwnStart(e)) {
        starts.add(id);
      }
      if (e.getLocalName().equals("endEvent") || isEventSubProcess(e)) {
        ends.add(id);
      }
    }
    if (nodes.values().stream().noneMatch(e -> e.getLocalName().equals("startEvent"))) {
      problems.add(problem(scope, "model.noStart"));
      return;
    }
    Set<String> reached = follow(starts, outgoing);
    Set<String> finishing = follow(ends, incoming);
    for (Element e : nodes.values()) {
      String id = attr(e, "id");
      if (isExempt(e)) {
        continue;
      }
      if (!reached.contains(id)) {
        problems.add(problem(e, "model.unreachable"));
      } else if (!e.getLocalName().equals("endEvent")
          && outgoing.getOrDefault(id, Set.of()).isEmpty()) {
        problems.add(problem(e, "model.deadEnd"));
      } else if (!finishing.contains(id)) {
        problems.add(problem(e, "model.noWayToEnd"));
      }
    }
  }

  private static Set<String> follow(Set<String> from, Map<String, Set<String>> edges) {
    Set<String> seen = new HashSet<>(from);
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      for (String next : edges.getOrDefault(todo.pop(), Set.of())) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return seen;
  }

  /** Start events, and event sub-processes (which start on their own trigger). */
  private static boolean isOwnStart(Element e) {
    return e.getLocalName().equals("startEvent") || isEventSubProcess(e);
  }

  private static boolean isEventSubProcess(Element e) {
    return e.getLocalName().equals("subProcess") && "true".equals(attr(e, "triggeredByEvent"));
  }

  /** Compensation handlers hang off their boundary event by association, not by flows. */
  private static boolean isExempt(Element e) {
    if ("true".equals(attr(e, "isForCompensation")) || isEventSubProcess(e)) {
      return true;
    }
    return e.getLocalName().equals("boundaryEvent") && hasChild(e, "compensateEventDefinition");
  }

  private static String linkName(Element e) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element d && "linkEventDefinition".equals(d.getLocalName())) {
        return attr(d, "name");
      }
    }
    return null;
  }

  private static boolean hasChild(Element e, String local) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element d && local.equals(d.getLocalName())) {
        return true;
      }
    }
    return false;
  }
}
