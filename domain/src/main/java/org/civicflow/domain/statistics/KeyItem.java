package org.civicflow.domain.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * A proposal marked for leadership attention (重点督办) and where it stands.
 *
 * @param status the proposal status
 * @param departments the names of its departments, the replying ones first
 * @param dueDate the earliest deadline of a department still working on it, or {@code null}
 * @param overdue whether a department is past its deadline
 */
public record KeyItem(
    long proposalId,
    String number,
    String title,
    String status,
    List<String> departments,
    LocalDate dueDate,
    boolean overdue) {

  public KeyItem {
    departments = List.copyOf(departments);
  }
}
