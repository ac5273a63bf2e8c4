package org.civicflow.engine.assignment;

import java.time.LocalDate;

/** A department's deadline passed: the item is overdue and the registrar supervises it. */
public record DeadlinePassed(
    long proposalId, String department, LocalDate dueDate, String occurrence) {}
