package org.civicflow.domain.publication;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Published replies whose stored record no longer matches its seal. */
@Mapper
public interface IntegrityFailureMapper {

  int insert(
      @Param("publicationId") long publicationId,
      @Param("detectedAt") Instant detectedAt,
      @Param("detail") String detail);

  List<IntegrityFailure> findOpen();

  List<Long> openPublicationIds();

  int resolve(
      @Param("publicationId") long publicationId,
      @Param("resolvedAt") Instant resolvedAt,
      @Param("resolvedBy") String resolvedBy);
}
