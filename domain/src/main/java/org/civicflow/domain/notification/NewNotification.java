package org.civicflow.domain.notification;

import java.time.LocalDate;

/**
 * What happened, to be told to some people.
 *
 * @param occurrence identifies the happening (the reminder timer of one instance for one deadline,
 *     say): a second notice for the same occurrence and person is never created
 */
public record NewNotification(
    String occurrence,
    NotificationKind kind,
    long proposalId,
    String proposalNumber,
    String title,
    String departmentCode,
    LocalDate dueDate) {}
