package org.civicflow.engine.modeling;

import java.util.List;

/**
 * One reason a model cannot be deployed.
 *
 * @param elementId the BPMN/DMN element concerned, or null for the whole file
 * @param elementName its name as the diagram shows it, or null
 * @param message a message key of the modeling bundle
 * @param args the message's arguments
 */
public record ModelProblem(
    String elementId, String elementName, String message, List<Object> args) {

  public ModelProblem {
    args = args == null ? List.of() : List.copyOf(args);
  }

  static ModelProblem ofFile(String message, Object... args) {
    return new ModelProblem(null, null, message, List.of(args));
  }
}
