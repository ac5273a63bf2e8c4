package org.civicflow.domain.audit;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Appends to and reads the audit log; there is deliberately no update or delete. */
@Mapper
public interface AuditMapper {

  int insert(AuditEvent event);

  /** Appends several records with one statement, in list order. */
  int insertAll(@Param("events") List<AuditEvent> events);

  List<AuditEvent> findByObject(
      @Param("objectType") String objectType, @Param("objectId") String objectId);

  List<AuditEvent> findRecent(@Param("limit") int limit);

  List<AuditEvent> findByAction(@Param("action") String action, @Param("limit") int limit);
}
