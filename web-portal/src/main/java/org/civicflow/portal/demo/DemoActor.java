package org.civicflow.portal.demo;

import java.util.Map;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.InboxRow;
import org.civicflow.engine.task.TaskWork;
import org.springframework.stereotype.Component;

/** Does a step the way a person would: finds the task in that person's inbox and completes it. */
@Component
class DemoActor {

  private final UserDirectory users;
  private final Inbox inbox;
  private final TaskWork work;

  DemoActor(UserDirectory users, Inbox inbox, TaskWork work) {
    this.users = users;
    this.inbox = inbox;
    this.work = work;
  }

  Caller caller(String username) {
    return Caller.of(users.find(username).orElseThrow());
  }

  /** Completes the one task of {@code key} on the proposal that {@code username} can work on. */
  void complete(String username, long proposalId, String key, Map<String, Object> body) {
    Caller caller = caller(username);
    InboxRow task =
        inbox.page(caller, new InboxFilter(key, null, null, proposalId, 0, 5)).items().stream()
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException(username + " has no " + key + " on " + proposalId));
    work.complete(task.id(), body, caller);
  }
}
