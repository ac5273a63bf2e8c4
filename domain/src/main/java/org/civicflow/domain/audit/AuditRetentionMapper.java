package org.civicflow.domain.audit;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The one statement that removes audit events: those past the retention period ({@link
 * AuditRetention}). Kept apart from {@link AuditMapper}, which can only append and read.
 */
@Mapper
public interface AuditRetentionMapper {

  /** Deletes at most {@code limit} events that occurred before {@code cutoff}; returns how many. */
  int deleteOlderThan(@Param("cutoff") Instant cutoff, @Param("limit") int limit);
}
