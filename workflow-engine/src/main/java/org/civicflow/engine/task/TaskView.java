package org.civicflow.engine.task;

import java.util.Date;
import java.util.List;

/** A task as its candidates see it: where it stands and the form that completes it. */
public record TaskView(
    String id,
    String key,
    String name,
    long proposalId,
    String department,
    String assignee,
    Date created,
    Date dueDate,
    List<String> candidateGroups,
    List<FormField> form) {}
