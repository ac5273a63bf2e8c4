package org.civicflow.domain.statistics;

import java.time.LocalDate;

/**
 * A commitment of a sent reply whose date passed without fulfilment: on the supervision list.
 *
 * @param daysOverdue calendar days since its due date
 */
public record OverdueCommitment(
    long commitmentId,
    long proposalId,
    String number,
    String title,
    String departmentCode,
    String departmentName,
    String text,
    LocalDate dueDate,
    long daysOverdue) {}
