package org.civicflow.engine.identity;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.identity.UserAdministration;
import org.civicflow.processes.HandlingVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disables an account and gives back the tasks it had claimed, in one transaction: the person can
 * no longer sign in, their signed-in sessions end (the account's session version moves on), and
 * their colleagues see the tasks as open again and can take them. Each released task is in the
 * proposal's audit trail.
 */
@Service
public class AccountDeactivation {

  private final UserAdministration users;
  private final TaskService tasks;
  private final AuditLog audit;

  AccountDeactivation(UserAdministration users, TaskService tasks, AuditLog audit) {
    this.users = users;
    this.tasks = tasks;
    this.audit = audit;
  }

  /**
   * Disables the account and releases its claimed tasks.
   *
   * @return the number of tasks released
   * @throws org.civicflow.domain.common.ValidationException when an admin disables themselves
   */
  @Transactional
  public int disable(String username, String actor) {
    users.disable(username, actor);
    List<Task> claimed = tasks.createTaskQuery().taskAssignee(username).list();
    for (Task task : claimed) {
      // no authenticated engine user here: the admin acts outside the tasks' candidate groups
      tasks.setAssignee(task.getId(), null);
      Object proposalId = tasks.getVariable(task.getId(), HandlingVariables.PROPOSAL_ID);
      audit.record(
          actor,
          "task.release",
          "proposal",
          String.valueOf(proposalId),
          task.getTaskDefinitionKey() + " ← " + username);
    }
    return claimed.size();
  }
}
