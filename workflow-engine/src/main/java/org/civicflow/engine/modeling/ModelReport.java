package org.civicflow.engine.modeling;

import java.util.List;

/**
 * What validation found out about a model.
 *
 * @param key the process or decision key (the id of the first process or decision), if readable
 * @param name its name, if any
 */
public record ModelReport(String key, ModelKind kind, String name, List<ModelProblem> problems) {

  public ModelReport {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }
}
