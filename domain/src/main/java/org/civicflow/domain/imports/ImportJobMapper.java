package org.civicflow.domain.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of import jobs, their files and their row errors. */
@Mapper
interface ImportJobMapper {

  int insert(JobRow row);

  int insertFile(@Param("jobId") long jobId, @Param("content") byte[] content);

  Optional<ImportJob> findById(@Param("id") long id);

  Optional<byte[]> findContent(@Param("id") long id);

  List<ImportJob> findRecent(@Param("limit") int limit);

  Optional<ImportJob> findActiveByHash(@Param("hash") String hash);

  /** Locks every job of a file (by its hash) until the transaction ends. */
  List<Long> lockByHash(@Param("hash") String hash);

  /** Jobs a runner may take: queued, or running with a heartbeat older than staleBefore. */
  List<Long> findRunnable(@Param("staleBefore") Instant staleBefore, @Param("limit") int limit);

  int queue(@Param("id") long id);

  int claim(
      @Param("id") long id,
      @Param("owner") String owner,
      @Param("now") Instant now,
      @Param("staleBefore") Instant staleBefore);

  /** Counts one handled row for the job's owner; 0 when the job is no longer this owner's. */
  int countRow(
      @Param("id") long id,
      @Param("owner") String owner,
      @Param("imported") int imported,
      @Param("skipped") int skipped,
      @Param("failed") int failed,
      @Param("now") Instant now);

  int insertError(
      @Param("jobId") long jobId,
      @Param("position") int position,
      @Param("e") ImportRowError error);

  List<ImportRowError> findErrors(@Param("jobId") long jobId);

  int finish(
      @Param("id") long id,
      @Param("owner") String owner,
      @Param("status") ImportStatus status,
      @Param("failure") String failure,
      @Param("now") Instant now);

  int release(@Param("id") long id, @Param("owner") String owner);

  int deleteFile(@Param("jobId") long jobId);

  int deletePreviewsBefore(@Param("before") Instant before);

  /** The insertable form of a job; receives the generated id. */
  final class JobRow {
    Long id;
    final NewImport job;
    final Instant createdAt;

    public JobRow(NewImport job, Instant createdAt) {
      this.job = job;
      this.createdAt = createdAt;
    }

    public Long getId() {
      return id;
    }

    public NewImport getJob() {
      return job;
    }

    public Instant getCreatedAt() {
      return createdAt;
    }
  }
}
