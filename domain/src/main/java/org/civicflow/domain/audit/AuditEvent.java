package org.civicflow.domain.audit;

import java.time.Instant;

/**
 * One recorded action. Never changed once written.
 *
 * @param action a dotted action name, e.g. {@code proposal.register}, {@code task.complete}
 * @param result {@code OK} or {@code DENIED}
 * @param remoteAddress the client address of the request, when the action came from one
 */
public record AuditEvent(
    Long id,
    Instant occurredAt,
    String actor,
    String action,
    String objectType,
    String objectId,
    String result,
    String detail,
    String remoteAddress) {}
