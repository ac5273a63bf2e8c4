package org.civicflow.engine.task;

import java.util.Date;

/** One task of an inbox, joined with its proposal. */
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
    String candidateGroup) {

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
