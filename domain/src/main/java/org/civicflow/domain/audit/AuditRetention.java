package org.civicflow.domain.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * How long audit events are kept: {@code civicflow.audit.retention-days} (365 by default, at least
 * {@value #MINIMUM_DAYS} — audit records must be kept six months; a smaller value stops the
 * application at start-up). Once a day ({@code civicflow.audit.purge-cron}, 03:30 city time) the
 * chain's oldest records, older than that, are deleted ({@link AuditChainPurge}: the chain stays
 * verifiable from its new start, and the purge is audited) — the only deletion of audit events
 * anywhere, and none is ever changed. Every node runs the purge; the anchor's lock makes them take
 * turns, and what one deleted the next does not find.
 */
@Service
public class AuditRetention {

  public static final int MINIMUM_DAYS = 180;
  private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

  private final AuditChainPurge purge;
  private final Clock clock;
  private final int days;

  AuditRetention(
      AuditChainPurge purge,
      Clock clock,
      @Value("${civicflow.audit.retention-days:365}") int days) {
    if (days < MINIMUM_DAYS) {
      throw new IllegalStateException(
          "civicflow.audit.retention-days is "
              + days
              + " but must be at least "
              + MINIMUM_DAYS
              + ": audit records are kept for at least six months");
    }
    this.purge = purge;
    this.clock = clock;
    this.days = days;
  }

  public int retentionDays() {
    return days;
  }

  /**
   * Deletes the events older than the retention period; returns how many. Scheduled by {@link
   * AuditPurgeSchedule} in the city's time zone.
   */
  public int purge() {
    Instant cutoff = clock.instant().minus(Duration.ofDays(days));
    int total = purge.deleteBefore(cutoff, "retention of " + days + " days");
    if (total > 0) {
      LOG.info("Audit retention: deleted {} events older than {} days", total, days);
    }
    return total;
  }
}
