package org.civicflow.engine.modeling;

import static org.civicflow.engine.modeling.ModelNames.problem;

import java.util.List;
import org.w3c.dom.Element;

/**
 * Scripts are refused wherever they stand and whatever their namespace: a {@code scriptTask} or a
 * {@code script} element anywhere in a model — BPMN's own, Camunda's ({@code camunda:script} in a
 * listener, an input parameter or a connector), inside prose or extension elements, or in a
 * namespace of some other tool that a later engine version might come to read.
 */
final class ScriptElements {

  private ScriptElements() {}

  static void check(Element root, List<ModelProblem> problems) {
    ElementWalk.walk(
        root,
        e -> {
          String local = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
          if (local.equals("scriptTask")) {
            problems.add(problem(e, "model.scriptTask", e.getTagName()));
          } else if (local.equals("script")) {
            problems.add(problem(e, "model.script", e.getTagName()));
          }
          return true;
        });
  }
}
