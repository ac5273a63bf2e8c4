package org.civicflow.engine.assignment;

import java.time.LocalDate;

/**
 * A reminder before a department's deadline.
 *
 * @param occurrence identifies this reminder, so that a retried job does not notify twice
 */
public record DeadlineApproaching(
    long proposalId, String department, LocalDate dueDate, String occurrence) {}
