package org.civicflow.engine.proposal;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.engine.proposal.ProposalDetail.ActiveTask;
import org.civicflow.engine.task.TaskKeys;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.civicflow.processes.HandlingVariables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The open tasks of a proposal, as much of them as a viewer of its detail sees. */
@Component
class ProposalActiveTasks {

  private final TaskService tasks;
  private final TaskKeys taskKeys;
  private final TransactionTemplate apart;

  ProposalActiveTasks(
      TaskService tasks, TaskKeys taskKeys, PlatformTransactionManager transactionManager) {
    this.tasks = tasks;
    this.taskKeys = taskKeys;
    this.apart = new TransactionTemplate(transactionManager);
    this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
  }

  /** The open tasks of the departments (and offices) whose tasks the viewer sees. */
  List<ActiveTask> of(long id, ProposalView view) {
    List<ActiveTask> active = new java.util.ArrayList<>();
    for (Task t :
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(id))
            .orderByTaskCreateTime()
            .asc()
            .list()) {
      String key = taskKeys.of(t).map(Enum::name).orElse(t.getTaskDefinitionKey());
      String variable =
          "coHandlingOpinion".equals(key)
              ? DepartmentHandlingVariables.CO_DEPARTMENT
              : HandlingVariables.DEPARTMENT;
      Object dept;
      try {
        // outside this read's transaction: a failure here must not doom the whole read
        dept = apart.execute(status -> tasks.getVariable(t.getId(), variable));
      } catch (RuntimeException e) {
        if (tasks.createTaskQuery().taskId(t.getId()).count() == 0) {
          continue; // completed meanwhile (here or on another node): no longer active
        }
        throw e;
      }
      String department = dept == null ? null : dept.toString();
      if (!view.seesTaskOf(department)) {
        continue;
      }
      active.add(
          new ActiveTask(
              t.getId(),
              key,
              t.getName(),
              department,
              t.getAssignee(),
              t.getDueDate(),
              t.getCreateTime()));
    }
    return active;
  }
}
