package org.civicflow.domain.letter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Downloads of a session's signed reply letters as one ZIP, kept in the database so that any node
 * reports a job's progress, serves its ZIP (streamed from the stored letters), and takes over a job
 * whose runner died (its heartbeat is older than {@link #STALE}). The replies a job covers are
 * fixed when it starts; each is counted once, by the job's owner only.
 */
@Service
public class LetterArchives {

  /** A running job whose heartbeat is older than this is taken over by another runner. */
  public static final Duration STALE = Duration.ofMinutes(2);

  private final LetterArchiveMapper mapper;
  private final AuditLog audit;
  private final Clock clock;

  LetterArchives(LetterArchiveMapper mapper, AuditLog audit, Clock clock) {
    this.mapper = mapper;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Starts a job over every signed reply (not voided) of the session, or of one department in it.
   *
   * @param keep how long the job and its download stay after the start
   */
  @Transactional
  public LetterArchive start(long sessionId, String department, String actor, Duration keep) {
    Instant now = clock.instant();
    LetterArchiveMapper.NewArchive row =
        new LetterArchiveMapper.NewArchive(sessionId, department, actor, now, now.plus(keep));
    mapper.insert(row);
    long id = row.getId();
    mapper.insertItems(id, sessionId, department);
    mapper.setTotal(id);
    LetterArchive job = get(id);
    audit.record(
        actor,
        "letterArchive.start",
        "session",
        String.valueOf(sessionId),
        "job " + id + (department == null ? "" : ", " + department) + ": " + job.total());
    return job;
  }

  /** A job that has not expired. */
  @Transactional(readOnly = true)
  public LetterArchive get(long id) {
    return mapper
        .findById(id)
        .filter(j -> j.expiresAt().isAfter(clock.instant()))
        .orElseThrow(() -> new NotFoundException("letterArchive", id));
  }

  @Transactional(readOnly = true)
  public List<LetterArchive> recent(int limit) {
    return mapper.findRecent(clock.instant(), Math.min(Math.max(limit, 1), 100));
  }

  /** Takes the oldest runnable job for this runner, if there is one. */
  @Transactional
  public Optional<LetterArchive> claimNext(String owner) {
    Instant now = clock.instant();
    Instant staleBefore = now.minus(STALE);
    for (long id : mapper.findRunnable(staleBefore, 5)) {
      if (mapper.claim(id, owner, now, staleBefore) == 1) {
        return mapper.findById(id);
      }
    }
    return Optional.empty();
  }

  /** The replies of a job whose letter is not handled yet. */
  @Transactional(readOnly = true)
  public List<LetterArchiveEntry> pending(long id) {
    return mapper.findPending(id);
  }

  /** Every reply of a job, with its letter's number and hash once stored, in the ZIP's order. */
  @Transactional(readOnly = true)
  public List<LetterArchiveEntry> entries(long id) {
    return mapper.findEntries(id);
  }

  /**
   * Counts a reply whose letter is stored.
   *
   * @throws ConflictException when the job is no longer this runner's
   */
  @Transactional
  public void letterStored(long id, String owner, long publicationId) {
    count(id, owner, publicationId, null);
  }

  /** Counts a reply whose letter could not be made, with the message key of why. */
  @Transactional
  public void letterFailed(long id, String owner, long publicationId, String reason) {
    count(id, owner, publicationId, reason);
  }

  private void count(long id, String owner, long publicationId, String failure) {
    if (mapper.markItem(id, publicationId, failure == null ? "DONE" : "FAILED", failure) != 1) {
      return; // counted before (by a runner that died after counting it)
    }
    if (mapper.countItem(id, owner, failure == null ? 0 : 1, clock.instant()) != 1) {
      throw new ConflictException("letter.archive.lost", id);
    }
  }

  /** Ends a job: DONE when every reply was handled, FAILED when it could not run. */
  @Transactional
  public void finish(long id, String owner, LetterArchiveStatus status) {
    if (mapper.finish(id, owner, status, clock.instant()) != 1) {
      throw new ConflictException("letter.archive.lost", id);
    }
    LetterArchive job = mapper.findById(id).orElseThrow();
    audit.record(
        job.createdBy(),
        "letterArchive.finish",
        "session",
        String.valueOf(job.sessionId()),
        "job "
            + id
            + " "
            + status
            + ": "
            + job.done()
            + " of "
            + job.total()
            + ", "
            + job.failed()
            + " failed");
  }

  /** Hands a running job back to the queue (this node stops); another runner resumes it. */
  @Transactional
  public void release(long id, String owner) {
    mapper.release(id, owner);
  }

  /** Removes the jobs (and their downloads) that expired; the letters themselves stay. */
  @Transactional
  public int purgeExpired() {
    return mapper.deleteExpired(clock.instant());
  }
}
