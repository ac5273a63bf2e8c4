package org.civicflow.engine.task;

import java.util.Date;
import java.util.List;

/**
 * A task as its candidates see it: where it stands, the form that completes it, and what the form
 * needs to know ({@code context}: the routing table's suggested lead department, a requested
 * extension date and its reason, …).
 */
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
    List<FormField> form,
    java.util.Map<String, Object> context) {}
