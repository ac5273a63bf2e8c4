package org.civicflow.engine.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.Role;
import org.civicflow.engine.task.TaskKey;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.civicflow.processes.ModelVariables;
import org.civicflow.processes.ProcessVariable;
import org.civicflow.processes.ProcessVariable.Kind;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * What a model may name: the task keys, the candidate groups, the delegates, the process variables
 * and their values (those of {@link ModelVariables}), the bean methods of expressions, the
 * decisions and processes. The validator allows nothing else, and the editor offers exactly this,
 * so what the admin picks always passes.
 */
@Component
public class ProcessVocabulary {

  /** A variable that gateways test, with its type and (for choices) its values. */
  public record Variable(String name, String type, List<String> values) {}

  /** Variables the steps set for the gateways, in the order the editor offers them. */
  static final List<Variable> CONDITION_VARIABLES =
      ModelVariables.all().stream()
          .filter(v -> v.kind().isCondition())
          .map(v -> new Variable(v.name(), v.kind().type(), v.values()))
          .toList();

  /** Variables that carry data (ids, dates, departments): readable, not offered for conditions. */
  static final Set<String> DATA_VARIABLES = Set.copyOf(names(v -> !v.kind().isCondition()));

  /** Dates a timer may wait for. */
  static final List<String> TIMER_DATES = names(v -> v.kind() == Kind.DATE);

  /** Due-date rules a user task may name; the empty rule means "by the task's kind". */
  static final List<String> DUE_DATE_RULES =
      List.of(
          "",
          "${" + DepartmentHandlingVariables.DUE_DATE + "}",
          "${" + ProposalHandlingVariables.SIGN_FOR_DUE_DATE + "}",
          "${" + DepartmentHandlingVariables.CO_OPINION_DUE_DATE + "}",
          "${dueRules.workingDays(3)}",
          "${dueRules.workingDays(5)}",
          "${dueRules.workingDays(10)}",
          "${dueRules.months(1)}");

  /**
   * Variables holding a department code, for candidate groups such as {@code ${department}-leader}.
   */
  static final List<String> DEPARTMENT_VARIABLES = names(v -> v.kind() == Kind.DEPARTMENT);

  /** Variables holding a username, for assignees. */
  static final List<String> USER_VARIABLES = names(v -> v.kind() == Kind.USER);

  static final Map<String, Set<String>> BEAN_METHODS =
      Map.of(
          "handlingPlan",
          Set.of("signForDepartments", "handlingDepartments", "coDepartments"),
          "dueRules",
          Set.of("workingDays", "months"));

  static final Map<String, Set<String>> BEAN_PROPERTIES =
      Map.of("execution", Set.of("processBusinessKey"));

  private final DepartmentDirectory departments;
  private final RepositoryService repository;
  private final Set<String> delegates;
  private final SafeExpressions expressions;

  ProcessVocabulary(
      DepartmentDirectory departments,
      RepositoryService repository,
      Map<String, JavaDelegate> delegateBeans) {
    this.departments = departments;
    this.repository = repository;
    this.delegates = new TreeSet<>();
    delegateBeans.forEach(
        (name, bean) -> {
          if (bean.getClass().getName().startsWith("org.civicflow.engine.")) {
            delegates.add(name);
          }
        });
    Set<String> variables = new LinkedHashSet<>(DATA_VARIABLES);
    CONDITION_VARIABLES.forEach(v -> variables.add(v.name()));
    this.expressions = new SafeExpressions(variables, BEAN_METHODS, BEAN_PROPERTIES);
  }

  /** The names of the models' variables of a kind, in the editor's order. */
  private static List<String> names(java.util.function.Predicate<ProcessVariable> kind) {
    return ModelVariables.all().stream().filter(kind).map(ProcessVariable::name).toList();
  }

  SafeExpressions expressions() {
    return expressions;
  }

  /** Bean names of the delegates a service task may call. */
  public Set<String> delegates() {
    return delegates;
  }

  public List<TaskKey> taskKeys() {
    return List.of(TaskKey.values());
  }

  public List<Variable> conditionVariables() {
    return CONDITION_VARIABLES;
  }

  public List<String> timerDates() {
    return TIMER_DATES;
  }

  public List<String> dueDateRules() {
    return DUE_DATE_RULES;
  }

  /** Departmental roles, whose groups exist per department and per the handling department. */
  public static List<Role> departmentalRoles() {
    return List.of(Role.HANDLER, Role.REVIEWER, Role.LEADER);
  }

  /** Candidate groups relative to the department a process instance handles for. */
  public List<String> relativeGroups() {
    List<String> groups = new ArrayList<>();
    for (String variable : DEPARTMENT_VARIABLES) {
      for (Role role : departmentalRoles()) {
        groups.add("${" + variable + "}-" + role.groupId());
      }
    }
    return groups;
  }

  /** Candidate groups that exist now: the role groups and each department's role groups. */
  public Map<String, Department> fixedGroups() {
    Map<String, Department> groups = new LinkedHashMap<>();
    groups.put(Role.REGISTRAR.groupId(), null);
    for (Department d : departments.all()) {
      for (Role role : departmentalRoles()) {
        groups.put(d.code() + "-" + role.groupId(), d);
      }
    }
    return groups;
  }

  boolean isKnownGroup(String group) {
    if (relativeGroups().contains(group)) {
      return true;
    }
    for (Role role : Role.values()) {
      if (role.groupId().equals(group)) {
        return true;
      }
    }
    for (Department d : departments.all()) {
      if (group.equals(d.code())) {
        return true;
      }
      for (Role role : departmentalRoles()) {
        if (group.equals(d.code() + "-" + role.groupId())) {
          return true;
        }
      }
    }
    return false;
  }

  boolean isUserVariable(String assignee) {
    return expressions.isVariable(assignee, Set.copyOf(USER_VARIABLES));
  }

  /** Decision keys deployed now, plus those in the file being checked. */
  public Set<String> decisionKeys() {
    Set<String> keys = new TreeSet<>();
    repository
        .createDecisionDefinitionQuery()
        .latestVersion()
        .list()
        .forEach(d -> keys.add(d.getKey()));
    return keys;
  }

  /** Process keys deployed now. */
  public Set<String> processKeys() {
    Set<String> keys = new TreeSet<>();
    repository
        .createProcessDefinitionQuery()
        .latestVersion()
        .list()
        .forEach(d -> keys.add(d.getKey()));
    return keys;
  }
}
