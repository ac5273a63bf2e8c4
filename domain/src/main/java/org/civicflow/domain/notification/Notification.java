package org.civicflow.domain.notification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One notice to one person.
 *
 * @param dueDate the deadline the notice is about, if any
 */
public record Notification(
    Long id,
    String recipient,
    NotificationKind kind,
    long proposalId,
    String proposalNumber,
    String title,
    String departmentCode,
    LocalDate dueDate,
    Instant createdAt,
    Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
