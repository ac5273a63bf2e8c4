package org.civicflow.domain.notification;

import java.time.Instant;

/** An e-mail or SMS waiting to leave, or gone. */
public record OutboxMessage(
    Long id,
    long notificationId,
    Channel channel,
    String address,
    String subject,
    String body,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Instant sentAt,
    String lastError) {

  /** How a notice leaves the system. */
  public enum Channel {
    MAIL,
    SMS
  }
}
