package org.civicflow.engine.task;

import java.util.HashMap;
import java.util.Map;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.assignment.AssignmentMode;
import org.civicflow.domain.assignment.AssignmentPlan;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.processes.HandlingDeadlineVariables;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * 交办: {@code {mode: LEAD_CO|SEPARATE, lead, co: [..], departments: [..], dueDate, key, complex}}.
 * The deadline rule (decision table) runs after this step; a {@code dueDate} overrides it.
 */
@Component
class AssignDepartmentsStep implements TaskStep {

  private final AssignmentManagement assignments;

  AssignDepartmentsStep(AssignmentManagement assignments) {
    this.assignments = assignments;
  }

  @Override
  public TaskKey key() {
    return TaskKey.assignDepartments;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    AssignmentMode mode = body.choice("mode", AssignmentMode.class, true);
    String lead = body.text("lead", mode == AssignmentMode.LEAD_CO, 32);
    var co = body.codes("co");
    var departments = body.codes("departments");
    var dueDate = body.date("dueDate", false);
    boolean key = body.flag("key");
    boolean complex = body.flag("complex");
    body.validate();
    try {
      assignments.validate(
          new AssignmentPlan(
              mode, lead, co, departments, dueDate, HandlingDeadlineVariables.DEFAULT_MONTHS));
    } catch (ValidationException e) {
      e.fieldErrors().forEach(body.errors()::add);
      body.validate();
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put(ProposalHandlingVariables.ASSIGNMENT_MODE, mode.name());
    vars.put(
        ProposalHandlingVariables.LEAD_DEPARTMENT, mode == AssignmentMode.LEAD_CO ? lead : null);
    vars.put(
        ProposalHandlingVariables.CO_DEPARTMENT_CODES,
        mode == AssignmentMode.LEAD_CO ? String.join(",", co) : "");
    vars.put(
        ProposalHandlingVariables.SEPARATE_DEPARTMENT_CODES,
        mode == AssignmentMode.SEPARATE ? String.join(",", departments) : "");
    vars.put(
        ProposalHandlingVariables.REQUESTED_DUE_DATE, dueDate == null ? null : dueDate.toString());
    vars.put(ProposalHandlingVariables.KEY_ITEM, key);
    vars.put(HandlingDeadlineVariables.COMPLEX, complex);
    return vars;
  }
}
