package org.civicflow.domain.imports;

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
 * Import jobs and their progress, kept in the database so that any node can run a job, report its
 * progress, and take over a job whose runner died (its heartbeat is older than {@link #STALE}).
 * Each handled row is counted by the job's owner only; a runner that lost the job to another node
 * finds its count refused and stops.
 */
@Service
public class ImportJobs {

  /** A running job whose heartbeat is older than this is taken over by another runner. */
  public static final Duration STALE = Duration.ofMinutes(2);

  private final ImportJobMapper mapper;
  private final AuditLog audit;
  private final Clock clock;

  ImportJobs(ImportJobMapper mapper, AuditLog audit, Clock clock) {
    this.mapper = mapper;
    this.audit = audit;
    this.clock = clock;
  }

  /** Keeps an uploaded file as a job waiting to be started; returns its id. */
  @Transactional
  public long stage(NewImport upload) {
    ImportJobMapper.JobRow row = new ImportJobMapper.JobRow(upload, clock.instant());
    mapper.insert(row);
    mapper.insertFile(row.getId(), upload.content());
    return row.getId();
  }

  @Transactional(readOnly = true)
  public ImportJob get(long id) {
    return mapper.findById(id).orElseThrow(() -> new NotFoundException("import", id));
  }

  @Transactional(readOnly = true)
  public List<ImportJob> recent(int limit) {
    return mapper.findRecent(Math.min(Math.max(limit, 1), 100));
  }

  /** The job already queued or running for a file with these bytes, if any. */
  @Transactional(readOnly = true)
  public Optional<ImportJob> activeWithHash(String hash) {
    return mapper.findActiveByHash(hash);
  }

  /** The uploaded file of a job that has not finished. */
  @Transactional(readOnly = true)
  public byte[] content(long id) {
    return mapper.findContent(id).orElseThrow(() -> new NotFoundException("importFile", id));
  }

  @Transactional(readOnly = true)
  public List<ImportRowError> errors(long id) {
    return mapper.findErrors(id);
  }

  /**
   * Starts a previewed job unless the same file (same hash) is already queued or running: then that
   * job is returned and this one stays unstarted. The jobs of the file are locked while deciding,
   * so that two registrars starting the same file at the same moment start it once.
   */
  @Transactional
  public Optional<ImportJob> queueUnlessActive(long id, String actor) {
    ImportJob job = get(id);
    mapper.lockByHash(job.fileHash());
    Optional<ImportJob> running = mapper.findActiveByHash(job.fileHash());
    if (running.isPresent()) {
      return running;
    }
    queue(id, actor);
    return Optional.empty();
  }

  /** Starts a previewed job: it waits for a runner. */
  @Transactional
  public void queue(long id, String actor) {
    ImportJob job = get(id);
    if (mapper.queue(id) != 1) {
      throw new ConflictException("import.notPreviewed", id);
    }
    audit.record(
        actor,
        "import.start",
        "import",
        String.valueOf(id),
        job.fileName() + " (" + job.total() + ", sha256 " + job.fileHash() + ")");
  }

  /** Takes the oldest runnable job for this runner, if there is one. */
  @Transactional
  public Optional<ImportJob> claimNext(String owner) {
    Instant now = clock.instant();
    Instant staleBefore = now.minus(STALE);
    for (long id : mapper.findRunnable(staleBefore, 5)) {
      if (mapper.claim(id, owner, now, staleBefore) == 1) {
        return mapper.findById(id);
      }
    }
    return Optional.empty();
  }

  /**
   * Counts a registered row, in the transaction that registered it, so that the count and the
   * proposal are stored together or not at all.
   *
   * @throws ConflictException when the job is no longer this runner's (the row then rolls back)
   */
  @Transactional
  public void rowImported(long id, String owner) {
    count(id, owner, 1, 0, 0);
  }

  /** Records a row that was skipped as a duplicate or failed, with its reasons. */
  @Transactional
  public void rowRejected(long id, String owner, List<ImportRowError> reasons) {
    boolean duplicate =
        !reasons.isEmpty()
            && reasons.stream().allMatch(e -> e.kind() == ImportRowError.Kind.DUPLICATE);
    count(id, owner, 0, duplicate ? 1 : 0, duplicate ? 0 : 1);
    for (int i = 0; i < reasons.size(); i++) {
      mapper.insertError(id, i, reasons.get(i));
    }
  }

  private void count(long id, String owner, int imported, int skipped, int failed) {
    if (mapper.countRow(id, owner, imported, skipped, failed, clock.instant()) != 1) {
      throw new ConflictException("import.lost", id);
    }
  }

  /** Ends a job: DONE when every row was handled, FAILED (with a reason) when it could not run. */
  @Transactional
  public void finish(long id, String owner, ImportStatus status, String failure) {
    if (mapper.finish(id, owner, status, failure, clock.instant()) != 1) {
      throw new ConflictException("import.lost", id);
    }
    mapper.deleteFile(id);
    ImportJob job = get(id);
    audit.record(
        job.createdBy(),
        "import.finish",
        "import",
        String.valueOf(id),
        status
            + (failure == null ? "" : " " + failure)
            + ": "
            + job.imported()
            + " imported, "
            + job.skipped()
            + " skipped, "
            + job.failed()
            + " failed of "
            + job.total());
  }

  /** Hands a running job back to the queue (this node stops); another runner resumes it. */
  @Transactional
  public void release(long id, String owner) {
    mapper.release(id, owner);
  }

  /** Forgets uploads that were previewed but never started. */
  @Transactional
  public int purgePreviews(Duration olderThan) {
    return mapper.deletePreviewsBefore(clock.instant().minus(olderThan));
  }
}
