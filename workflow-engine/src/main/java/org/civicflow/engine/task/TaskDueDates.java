package org.civicflow.engine.task;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.engine.support.ProcessVariables;
import org.civicflow.processes.CommitmentFollowUpVariables;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.civicflow.processes.ProposalHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * Gives every user task the due date of the rule behind it, so that inboxes sort overdue work first
 * — unless the model names a rule itself: the department's deadline for drafting and review, the
 * sign-for window, the co-handling month, a month for the rating, and five working days for the
 * registrar's decisions.
 */
@Component
class TaskDueDates extends AbstractProcessEnginePlugin implements TaskListener {

  static final int REGISTRAR_WORKING_DAYS = 5;

  private final HolidayCalendar calendar;
  private final Clock clock;
  private final ZoneId zone;

  TaskDueDates(HolidayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
    this.zone = clock.getZone();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                  behavior.getTaskDefinition().addTaskListener(EVENTNAME_CREATE, TaskDueDates.this);
                }
              }
            });
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() != null) {
      return; // the model names its own rule (camunda:dueDate)
    }
    keyOf(task).map(key -> dueDateOf(key, task)).ifPresent(task::setDueDate);
  }

  /** The form the task is completed with, else its id (see {@link TaskKeys}). */
  static java.util.Optional<TaskKey> keyOf(DelegateTask task) {
    org.camunda.bpm.model.bpmn.instance.UserTask userTask = task.getBpmnModelElementInstance();
    String form = userTask == null ? null : userTask.getCamundaFormKey();
    if (form != null && !form.isBlank()) {
      return TaskKey.of(form.strip());
    }
    return TaskKey.of(task.getTaskDefinitionKey());
  }

  private Date dueDateOf(TaskKey key, DelegateTask task) {
    return switch (key) {
      case signFor -> (Date) task.getVariable(ProposalHandlingVariables.SIGN_FOR_DUE_DATE);
      case coHandlingOpinion ->
          (Date) task.getVariable(DepartmentHandlingVariables.CO_OPINION_DUE_DATE);
      case draftReply, reviewDraft, signOff ->
          (Date) task.getVariable(DepartmentHandlingVariables.DUE_DATE);
      case reportCommitment ->
          (Date) task.getVariable(CommitmentFollowUpVariables.COMMITMENT_DUE_DATE);
      case giveFeedback -> Date.from(Instant.now(clock).atZone(zone).plusMonths(1).toInstant());
      default ->
          ProcessVariables.endOf(
              calendar
                  .deadlines()
                  .calendar()
                  .addWorkingDays(calendar.today(), REGISTRAR_WORKING_DAYS),
              zone);
    };
  }
}
