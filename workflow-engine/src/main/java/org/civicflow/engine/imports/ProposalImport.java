package org.civicflow.engine.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.delegation.Delegations;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.imports.ImportJob;
import org.civicflow.domain.imports.ImportJobs;
import org.civicflow.domain.imports.ImportRowError;
import org.civicflow.domain.imports.ImportStatus;
import org.civicflow.domain.imports.NewImport;
import org.civicflow.domain.proposal.ProposalRegistration;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.task.Caller;
import org.springframework.stereotype.Service;

/**
 * Bulk import of proposals, for registrars: upload (the file is checked as a whole and kept),
 * preview (every row checked, nothing stored), start (the rows are registered in the background by
 * {@link ImportWorker}), and progress.
 */
@Service
public class ProposalImport {

  private final Object startLock = new Object();

  /** The largest file accepted, as the portal's multipart limit. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** The most data rows one file may have. */
  public static final int MAX_ROWS = 10_000;

  /** Rows shown in a preview table. */
  public static final int SAMPLE_ROWS = 20;

  private static final int MAX_FILE_NAME = 255;

  private final ImportJobs jobs;
  private final ProposalRegistration registration;
  private final SessionCatalog sessions;
  private final Delegations delegations;
  private final ImportWorker worker;
  private final Clock clock;

  ProposalImport(
      ImportJobs jobs,
      ProposalRegistration registration,
      SessionCatalog sessions,
      Delegations delegations,
      ImportWorker worker,
      Clock clock) {
    this.jobs = jobs;
    this.registration = registration;
    this.sessions = sessions;
    this.delegations = delegations;
    this.worker = worker;
    this.clock = clock;
  }

  /**
   * Checks an uploaded file as a whole — a readable xlsx or UTF-8 csv, no zip bomb, known columns,
   * at most {@link #MAX_ROWS} rows — and keeps it as a job waiting to be started.
   *
   * @param defaultSession the session of rows that name none (optional)
   * @return the job's id
   * @throws ImportFileException naming what is wrong with the file
   */
  public long upload(String fileName, byte[] content, String defaultSession, Caller caller) {
    requireRegistrar(caller);
    if (content == null || content.length == 0) {
      throw new ImportFileException("import.file.empty");
    }
    if (content.length > MAX_BYTES) {
      throw new ImportFileException("import.file.tooLarge", MAX_BYTES / (1024 * 1024));
    }
    String session = defaultSession == null || defaultSession.isBlank() ? null : defaultSession;
    if (session != null && sessions.findByName(session).isEmpty()) {
      throw ValidationException.of("session", "validation.session.unknown");
    }
    SpreadsheetFormat format = SpreadsheetFormat.detect(content);
    int total = 0;
    try (SheetRows rows = SpreadsheetReader.open(content, format)) {
      ImportColumns.of(rows.header(), session != null);
      while (rows.hasNext()) {
        rows.next();
        if (++total > MAX_ROWS) {
          throw new ImportFileException("import.file.tooManyRows", MAX_ROWS);
        }
      }
    }
    if (total == 0) {
      throw new ImportFileException("import.file.noRows");
    }
    return jobs.stage(
        new NewImport(
            fileName(fileName, format),
            sha256(content),
            format.name(),
            session == null ? null : session.strip(),
            total,
            caller.username(),
            content));
  }

  /** Checks every row of an uploaded file, storing nothing. */
  public ImportPreview preview(long id, Caller caller) {
    requireRegistrar(caller);
    ImportJob job = jobs.get(id);
    byte[] content = jobs.content(id);
    List<ImportPreview.SampleRow> sample = new ArrayList<>();
    List<ImportRowError> errors = new ArrayList<>();
    int valid = 0;
    int invalid = 0;
    int duplicates = 0;
    try (SheetRows rows =
        SpreadsheetReader.open(content, SpreadsheetFormat.valueOf(job.fileFormat()))) {
      RowParser parser =
          new RowParser(
              ImportColumns.of(rows.header(), job.defaultSession() != null),
              job.defaultSession(),
              clock.getZone());
      RowValidation validation = new RowValidation(registration, sessions, delegations);
      while (rows.hasNext()) {
        RowValidation.Checked checked = validation.check(parser.parse(rows.next()));
        if (checked.ok()) {
          valid++;
        } else if (checked.duplicate()) {
          duplicates++;
        } else {
          invalid++;
        }
        errors.addAll(checked.errors());
        if (sample.size() < SAMPLE_ROWS) {
          sample.add(
              new ImportPreview.SampleRow(
                  checked.row().row(), checked.row().values(), checked.errors()));
        }
      }
    }
    return new ImportPreview(job, sample, errors, valid, invalid, duplicates);
  }

  /**
   * Starts a previewed job. When the same file (same bytes) is already being imported, that job is
   * returned instead and this one is not started: a file is never imported twice at once.
   */
  public ImportJob start(long id, Caller caller) {
    requireRegistrar(caller);
    ImportJob job = jobs.get(id);
    if (job.status() != ImportStatus.PREVIEWED) {
      return job;
    }
    try {
      // one start at a time on this node (the database lock alone does not hold on H2, which has no
      // gap locks); across nodes the lock on the file's jobs in queueUnlessActive decides
      Optional<ImportJob> running;
      synchronized (startLock) {
        running = jobs.queueUnlessActive(id, caller.username());
      }
      if (running.isPresent()) {
        return running.get();
      }
    } catch (ConflictException startedMeanwhile) {
      return jobs.get(id); // a second click: the first one started it
    }
    worker.wake();
    return jobs.get(id);
  }

  /** A job with its progress. */
  public ImportJob job(long id, Caller caller) {
    requireRegistrar(caller);
    return jobs.get(id);
  }

  /** The rows a job did not register (failed or skipped), in row order. */
  public List<ImportRowError> errors(long id, Caller caller) {
    requireRegistrar(caller);
    return jobs.errors(id);
  }

  /** The latest started jobs. */
  public List<ImportJob> recent(Caller caller) {
    requireRegistrar(caller);
    return jobs.recent(20);
  }

  private static void requireRegistrar(Caller caller) {
    if (!caller.has(Role.REGISTRAR)) {
      throw new ForbiddenException("import.forbidden");
    }
  }

  private static String fileName(String name, SpreadsheetFormat format) {
    String n = name == null ? "" : name.replaceAll("[\\p{Cntrl}/\\\\]", "_").strip();
    if (n.isEmpty()) {
      n = "import." + format.name().toLowerCase(java.util.Locale.ROOT);
    }
    return n.length() > MAX_FILE_NAME ? n.substring(n.length() - MAX_FILE_NAME) : n;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
