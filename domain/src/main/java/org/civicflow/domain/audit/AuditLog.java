package org.civicflow.domain.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit events. Successful actions are recorded in the caller's transaction (they exist only
 * if the action happened); refusals in their own transaction (they must survive the rollback of the
 * refused action).
 */
@Service
public class AuditLog {

  public static final String OK = "OK";
  public static final String DENIED = "DENIED";
  private static final int MAX_DETAIL = 4000;

  private final AuditMapper events;
  private final Clock clock;

  AuditLog(AuditMapper events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /** Records an action that succeeded, as part of the current transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String actor, String action, String objectType, String objectId, String detail) {
    events.insert(event(actor, action, objectType, objectId, OK, detail));
  }

  /** Records a refused action, whatever happens to the caller's transaction. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordDenied(
      String actor, String action, String objectType, String objectId, String detail) {
    events.insert(event(actor, action, objectType, objectId, DENIED, detail));
  }

  @Transactional(readOnly = true)
  public List<AuditEvent> forObject(String objectType, String objectId) {
    return events.findByObject(objectType, objectId);
  }

  @Transactional(readOnly = true)
  public List<AuditEvent> recent(int limit) {
    return events.findRecent(Math.min(Math.max(limit, 1), 500));
  }

  private AuditEvent event(
      String actor,
      String action,
      String objectType,
      String objectId,
      String result,
      String detail) {
    String d = detail;
    if (d != null && d.length() > MAX_DETAIL) {
      d = d.substring(0, MAX_DETAIL);
    }
    // a refusal is recorded whatever the caller sent: clip to the columns rather than fail
    return new AuditEvent(
        null,
        clock.instant(),
        clip(actor == null ? "system" : actor, 64),
        clip(action, 64),
        clip(objectType, 32),
        clip(objectId, 64),
        result,
        d,
        clip(AuditContext.remoteAddress(), 64));
  }

  private static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
  }
}
