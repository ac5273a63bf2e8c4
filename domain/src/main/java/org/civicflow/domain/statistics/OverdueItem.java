package org.civicflow.domain.statistics;

import java.time.LocalDate;

/**
 * A department still working on an item past its deadline.
 *
 * @param role LEAD, CO or SEPARATE
 * @param daysOverdue calendar days since the deadline
 */
public record OverdueItem(
    long proposalId,
    String number,
    String title,
    boolean keyItem,
    String departmentCode,
    String departmentName,
    String role,
    LocalDate dueDate,
    long daysOverdue) {}
