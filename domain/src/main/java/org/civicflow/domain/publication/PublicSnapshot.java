package org.civicflow.domain.publication;

import java.time.Instant;

/**
 * What the public reply page shows besides the reply text, captured at sign-off and sealed together
 * with it: a later change to the proposal or the department does not alter a published reply, and a
 * direct database edit is detected.
 */
public record PublicSnapshot(
    String title,
    String departmentName,
    String sessionName,
    String proposalNumber,
    String proposalType,
    String proposer,
    String delegation,
    Instant submittedAt,
    String suggestionText,
    String category) {}
