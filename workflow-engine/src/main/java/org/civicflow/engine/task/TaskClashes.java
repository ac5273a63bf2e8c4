package org.civicflow.engine.task;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.identity.UserDirectory;

/**
 * How a clash with a colleague reads to the person (409): the task was completed meanwhile — by
 * whom, when — or someone else holds it.
 */
final class TaskClashes {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final HistoryService history;
  private final UserDirectory users;
  private final Clock clock;

  TaskClashes(HistoryService history, UserDirectory users, Clock clock) {
    this.history = history;
    this.users = users;
    this.clock = clock;
  }

  /** The task was completed: by whom and when, if the history says so. */
  Optional<ConflictException> completed(String taskId) {
    HistoricTaskInstance done =
        history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (done == null || done.getEndTime() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ConflictException(
            "task.alreadyCompleted", who(done.getAssignee()), when(done.getEndTime())));
  }

  /** The task vanished between two reads: completed meanwhile, with or without the details. */
  ConflictException completedMeanwhile(String taskId) {
    return completed(taskId)
        .orElseGet(() -> new ConflictException("task.alreadyCompleted", "-", "-"));
  }

  /** Someone else holds the task. */
  ConflictException claimedBy(String assignee) {
    return new ConflictException("task.claimedBy", who(assignee));
  }

  /** A person's name and user name, e.g. "张明 (scjg.handler)". */
  private String who(String username) {
    if (username == null) {
      return "-";
    }
    return users
        .find(username)
        .map(u -> u.getDisplayName() + " (" + username + ")")
        .orElse(username);
  }

  private String when(Date date) {
    return WHEN.format(date.toInstant().atZone(clock.getZone()));
  }
}
