package org.civicflow.engine.task;

import java.util.HashMap;
import java.util.Map;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.assignment.AssignmentMode;
import org.civicflow.domain.assignment.AssignmentPlan;
import org.civicflow.domain.common.ValidationException;
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
      assignments.validate(new AssignmentPlan(mode, lead, co, departments, dueDate, 3));
    } catch (ValidationException e) {
      e.fieldErrors().forEach(body.errors()::add);
      body.validate();
    }
    Map<String, Object> vars = new HashMap<>();
    vars.put("assignmentMode", mode.name());
    vars.put("leadDepartment", mode == AssignmentMode.LEAD_CO ? lead : null);
    vars.put("coDepartmentCodes", mode == AssignmentMode.LEAD_CO ? String.join(",", co) : "");
    vars.put(
        "separateDepartmentCodes",
        mode == AssignmentMode.SEPARATE ? String.join(",", departments) : "");
    vars.put("requestedDueDate", dueDate == null ? null : dueDate.toString());
    vars.put("keyItem", key);
    vars.put("complex", complex);
    return vars;
  }
}
