package org.civicflow.engine.task;

import java.util.Date;

/**
 * One task of an inbox, joined with its proposal.
 *
 * @param key the task key (the form it is completed with; see {@link TaskKeys})
 */
public record InboxRow(
    String id,
    String key,
    String name,
    String assignee,
    Date created,
    Date dueDate,
    String processInstanceId,
    long proposalId,
    String proposalNumber,
    String title,
    boolean keyItem,
    String proposalStatus,
    String sessionName,
    String candidateGroup,
    String processDefinitionId) {

  InboxRow withKey(String taskKey) {
    return new InboxRow(
        id,
        taskKey,
        name,
        assignee,
        created,
        dueDate,
        processInstanceId,
        proposalId,
        proposalNumber,
        title,
        keyItem,
        proposalStatus,
        sessionName,
        candidateGroup,
        processDefinitionId);
  }

  /** The department of the task, read from its department candidate group (e.g. SCJG-handler). */
  public String department() {
    if (candidateGroup == null || !candidateGroup.contains("-")) {
      return null;
    }
    return candidateGroup.substring(0, candidateGroup.lastIndexOf('-'));
  }

  public boolean overdue(Date now) {
    return dueDate != null && dueDate.before(now);
  }
}
