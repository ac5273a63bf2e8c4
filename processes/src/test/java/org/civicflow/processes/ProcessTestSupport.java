package org.civicflow.processes;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** Small helpers shared by the process tests: the clock, timers, tasks and variables. */
final class ProcessTestSupport {

  private ProcessTestSupport() {}

  static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.systemDefault()).toInstant());
  }

  static Date plus(Date date, Duration duration) {
    return Date.from(date.toInstant().plus(duration));
  }

  static Date now() {
    return ClockUtil.getCurrentTime();
  }

  /** The timer job of a timer event (by the event's id) in one process instance. */
  static Job timer(ProcessInstance instance, String timerEventId) {
    Job job =
        managementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .timers()
            .activityId(timerEventId)
            .singleResult();
    then(job).as("timer job of " + timerEventId).isNotNull();
    return job;
  }

  /**
   * Proves that a timer is due at {@code expectedDueDate} and not before, moves the clock past it
   * and fires it.
   */
  static void fireAt(Job timer, Date expectedDueDate) {
    then(timer.getDuedate()).hasSameTimeAs(expectedDueDate);
    then(executable(timer)).as("not due before " + expectedDueDate).isFalse();
    ClockUtil.setCurrentTime(plus(expectedDueDate, Duration.ofMinutes(1)));
    then(executable(timer)).as("due after " + expectedDueDate).isTrue();
    execute(timer);
  }

  private static boolean executable(Job job) {
    return managementService().createJobQuery().jobId(job.getId()).executable().count() == 1;
  }

  /** The single active task with this key in one process instance. */
  static Task taskOf(ProcessInstance instance, String taskKey) {
    Task task =
        taskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    then(task).as("active task " + taskKey).isNotNull();
    return task;
  }

  static long activeTasks(ProcessInstance instance, String taskKey) {
    return taskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey)
        .count();
  }

  static long createdTasks(ProcessInstance instance, String taskKey) {
    return historyService()
        .createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey)
        .count();
  }

  static List<String> candidateGroups(Task task) {
    return taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  static Object variable(ProcessInstance instance, String name) {
    return runtimeService().getVariable(instance.getId(), name);
  }
}
