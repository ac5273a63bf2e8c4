package org.civicflow.processes;

import java.util.List;

/**
 * The shape of the {@code handlingPlan} bean that the models call for their multi-instance
 * collections (implemented in workflow-engine from the stored assignment; a Mockito mock here).
 * Department codes, e.g. {@code SCJG}.
 */
public interface HandlingPlan {

  /** Every department assigned in the current assignment round (lead, co-handling, separate). */
  List<String> signForDepartments(Long proposalId);

  /** The departments that reply: the lead department, or each separately handling department. */
  List<String> handlingDepartments(Long proposalId);

  /** The co-handling departments that owe {@code department} an opinion (empty for none). */
  List<String> coDepartments(Long proposalId, String department);
}
