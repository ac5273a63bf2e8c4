package org.civicflow.domain.audit;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The one statement that removes audit events: the oldest part of the chain, past the retention
 * period ({@link AuditChainPurge}). Kept apart from {@link AuditMapper}, which can only append and
 * read.
 */
@Mapper
public interface AuditRetentionMapper {

  /** Deletes the chained records numbered {@code fromSeq} to {@code toSeq}; returns how many. */
  int deleteChained(@Param("fromSeq") long fromSeq, @Param("toSeq") long toSeq);
}
