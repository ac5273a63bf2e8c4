package org.civicflow.domain.audit;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Appends to and reads the audit log; there is deliberately no update or delete (the chainer only
 * gives records their place in the chain, {@link AuditChainMapper#link}; the purge is {@link
 * AuditRetentionMapper}). Records are appended with their entry seals ({@link AuditEntrySeal}).
 */
@Mapper
public interface AuditMapper {

  int insert(AuditEntry entry);

  /** Appends several records with one statement, in list order. */
  int insertAll(@Param("entries") List<AuditEntry> entries);

  List<AuditEvent> findByObject(
      @Param("objectType") String objectType, @Param("objectId") String objectId);

  List<AuditEvent> findRecent(@Param("limit") int limit);

  List<AuditEvent> findByAction(@Param("action") String action, @Param("limit") int limit);
}
