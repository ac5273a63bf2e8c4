package org.civicflow.domain.letter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Persistence of the downloads of a session's letters and the replies each covers. */
@Mapper
interface LetterArchiveMapper {

  /** A new job; its id is set on the row. */
  final class NewArchive {
    private Long id;
    private final long sessionId;
    private final String departmentCode;
    private final String createdBy;
    private final Instant createdAt;
    private final Instant expiresAt;

    NewArchive(
        long sessionId,
        String departmentCode,
        String createdBy,
        Instant createdAt,
        Instant expiresAt) {
      this.sessionId = sessionId;
      this.departmentCode = departmentCode;
      this.createdBy = createdBy;
      this.createdAt = createdAt;
      this.expiresAt = expiresAt;
    }

    public Long getId() {
      return id;
    }

    public void setId(Long id) {
      this.id = id;
    }

    public long getSessionId() {
      return sessionId;
    }

    public String getDepartmentCode() {
      return departmentCode;
    }

    public String getCreatedBy() {
      return createdBy;
    }

    public Instant getCreatedAt() {
      return createdAt;
    }

    public Instant getExpiresAt() {
      return expiresAt;
    }
  }

  int insert(NewArchive archive);

  /** Fixes the job's replies: every signed reply (not voided) of the session [and department]. */
  int insertItems(
      @Param("id") long id,
      @Param("sessionId") long sessionId,
      @Param("department") String department);

  int setTotal(@Param("id") long id);

  Optional<LetterArchive> findById(@Param("id") long id);

  List<LetterArchive> findRecent(@Param("now") Instant now, @Param("limit") int limit);

  List<Long> findRunnable(@Param("staleBefore") Instant staleBefore, @Param("limit") int limit);

  int claim(
      @Param("id") long id,
      @Param("owner") String owner,
      @Param("now") Instant now,
      @Param("staleBefore") Instant staleBefore);

  /** The replies still waiting, as entries (without their letter's fields). */
  List<LetterArchiveEntry> findPending(@Param("id") long id);

  /** Every reply of the job with its letter's number and hash, in the order of the ZIP. */
  List<LetterArchiveEntry> findEntries(@Param("id") long id);

  int markItem(
      @Param("id") long id,
      @Param("publicationId") long publicationId,
      @Param("state") String state,
      @Param("failure") String failure);

  /** Counts one handled reply for the job's owner; 0 when the job is no longer this owner's. */
  int countItem(
      @Param("id") long id,
      @Param("owner") String owner,
      @Param("failed") int failed,
      @Param("now") Instant now);

  int finish(
      @Param("id") long id,
      @Param("owner") String owner,
      @Param("status") LetterArchiveStatus status,
      @Param("now") Instant now);

  int release(@Param("id") long id, @Param("owner") String owner);

  int deleteExpired(@Param("now") Instant now);
}
