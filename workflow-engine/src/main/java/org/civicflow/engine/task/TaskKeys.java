package org.civicflow.engine.task;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The task key of a user task: the form an admin picked for it ({@code camunda:formKey}), or else
 * its id. The built-in models use the keys as ids; a step an admin adds (say a second sign-off) has
 * its own id and names the form — and so the body — it is completed with.
 */
@Component
public class TaskKeys {

  private final RepositoryService repository;

  /** Definitions never change once deployed, so what was read once stays true. */
  private final Map<String, Optional<TaskKey>> byDefinitionAndActivity = new ConcurrentHashMap<>();

  TaskKeys(RepositoryService repository) {
    this.repository = repository;
  }

  public Optional<TaskKey> of(Task task) {
    return of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
  }

  public Optional<TaskKey> of(String processDefinitionId, String activityId) {
    if (processDefinitionId == null) {
      return TaskKey.of(activityId);
    }
    return byDefinitionAndActivity.computeIfAbsent(
        processDefinitionId + "#" + activityId, k -> read(processDefinitionId, activityId));
  }

  private Optional<TaskKey> read(String processDefinitionId, String activityId) {
    var model = repository.getBpmnModelInstance(processDefinitionId);
    if (model != null && model.getModelElementById(activityId) instanceof UserTask task) {
      String form = task.getCamundaFormKey();
      if (form != null && !form.isBlank()) {
        return TaskKey.of(form.strip());
      }
    }
    return TaskKey.of(activityId);
  }
}
