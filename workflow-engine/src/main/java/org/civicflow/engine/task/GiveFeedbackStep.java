package org.civicflow.engine.task;

import java.util.Map;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.feedback.FeedbackRecording;
import org.civicflow.domain.feedback.Rating;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.springframework.stereotype.Component;

/**
 * 满意度测评: {@code {workRating, resultRating: SATISFIED|BASICALLY_SATISFIED|UNSATISFIED, comment}};
 * 不满意 needs a comment and (once) sends the department back to work.
 */
@Component
class GiveFeedbackStep implements TaskStep {

  private final FeedbackRecording feedback;
  private final AssignmentManagement assignments;

  GiveFeedbackStep(FeedbackRecording feedback, AssignmentManagement assignments) {
    this.feedback = feedback;
    this.assignments = assignments;
  }

  @Override
  public TaskKey key() {
    return TaskKey.giveFeedback;
  }

  @Override
  public Map<String, Object> complete(TaskContext task, TaskBody body) {
    Rating work = body.choice("workRating", Rating.class, true);
    Rating result = body.choice("resultRating", Rating.class, true);
    String comment = body.text("comment", result == Rating.UNSATISFIED);
    body.validate();
    int round = assignments.open(task.proposalId(), task.department()).getRound();
    feedback.give(task.proposalId(), task.department(), round, work, result, comment, task.actor());
    return Map.of(
        DepartmentHandlingVariables.WORK_RATING,
        work.name(),
        DepartmentHandlingVariables.RESULT_RATING,
        result.name());
  }
}
