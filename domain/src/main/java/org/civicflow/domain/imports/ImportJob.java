package org.civicflow.domain.imports;

import java.time.Instant;

/**
 * One uploaded spreadsheet and its progress.
 *
 * @param fileHash lower-case hex SHA-256 of the file's bytes
 * @param fileFormat XLSX or CSV
 * @param defaultSession the session of rows that name none
 * @param total the data rows of the file
 * @param done rows handled so far: imported + skipped + failed
 * @param skipped rows already registered (same session and number), never registered twice
 * @param failure the message key of why a FAILED job could not run
 * @param owner the runner that holds the job while RUNNING
 * @param heartbeatAt when its runner last made progress; a stale heartbeat lets another take over
 */
public record ImportJob(
    long id,
    ImportStatus status,
    String fileName,
    String fileHash,
    String fileFormat,
    String defaultSession,
    int total,
    int done,
    int imported,
    int skipped,
    int failed,
    String failure,
    String createdBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String owner,
    Instant heartbeatAt) {

  /** Percent of rows handled, 0 to 100. */
  public int percent() {
    return total == 0 ? (status.isFinished() ? 100 : 0) : (int) (100L * done / total);
  }
}
