package org.civicflow.domain.audit;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The stored verifications of the audit chain. */
@Mapper
interface AuditVerificationMapper {

  /** A verification as it starts; its id is set by the insert. */
  final class Started {
    Long id;
    final Instant startedAt;
    final String requestedBy;
    final LocalDate scheduledOn;

    Started(Instant startedAt, String requestedBy, LocalDate scheduledOn) {
      this.startedAt = startedAt;
      this.requestedBy = requestedBy;
      this.scheduledOn = scheduledOn;
    }

    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }

    public Instant getStartedAt() {
      return startedAt;
    }

    public String getRequestedBy() {
      return requestedBy;
    }

    public LocalDate getScheduledOn() {
      return scheduledOn;
    }
  }

  /** Stores a verification as started; a second daily one of the same day is a duplicate key. */
  int start(Started v);

  int finish(
      @Param("id") long id,
      @Param("finishedAt") Instant finishedAt,
      @Param("verdict") ChainVerdict verdict,
      @Param("broken") ChainBreak broken,
      @Param("reason") String reason);

  /** The latest verification that finished. */
  AuditVerificationResult latestFinished();
}
