package org.civicflow.processes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables of every built-in model, by model file: the one list the model editor's vocabulary,
 * the validator and {@code ProcessVariablesTest} read.
 */
public final class ModelVariables {

  /** The variables of each model, by its resource path (the same order as the editor's). */
  public static final Map<String, List<ProcessVariable>> BY_MODEL = byModel();

  private ModelVariables() {}

  private static Map<String, List<ProcessVariable>> byModel() {
    Map<String, List<ProcessVariable>> models = new LinkedHashMap<>();
    models.put("bpmn/proposalHandling.bpmn", ProposalHandlingVariables.VARIABLES);
    models.put("dmn/leadDepartmentRouting.dmn", LeadDepartmentRoutingVariables.VARIABLES);
    models.put("dmn/handlingDeadline.dmn", HandlingDeadlineVariables.VARIABLES);
    models.put("bpmn/departmentHandling.bpmn", DepartmentHandlingVariables.VARIABLES);
    models.put("bpmn/commitmentFollowUp.bpmn", CommitmentFollowUpVariables.VARIABLES);
    models.put("bpmn/preSessionCheck.bpmn", PreSessionCheckVariables.VARIABLES);
    return java.util.Collections.unmodifiableMap(models);
  }

  /**
   * Every variable once (the first model's entry of a variable two models share), in the models'
   * order.
   */
  public static List<ProcessVariable> all() {
    Map<String, ProcessVariable> all = new LinkedHashMap<>();
    BY_MODEL.values().forEach(list -> list.forEach(v -> all.putIfAbsent(v.name(), v)));
    return new ArrayList<>(all.values());
  }
}
