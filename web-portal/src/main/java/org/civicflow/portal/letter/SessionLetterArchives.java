package org.civicflow.portal.letter;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.letter.LetterArchive;
import org.civicflow.domain.letter.LetterArchiveStatus;
import org.civicflow.domain.letter.LetterArchives;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A registrar downloads every signed reply letter of a session (or of one department in it) as one
 * ZIP: starts a job ({@link LetterArchiveWorker} makes the letters not yet made, in the
 * background), follows its progress, then downloads the ZIP. Registrars only; any registrar may
 * follow and download any registrar's job (the registrar's office works as one). A job and its
 * download stay {@code civicflow.letters.archive.keep} (one day) after the start, then go.
 */
@Service
class SessionLetterArchives {

  private final LetterArchives archives;
  private final LetterArchiveWorker worker;
  private final LetterArchiveZip zip;
  private final SessionCatalog sessions;
  private final DepartmentDirectory departments;
  private final ErrorResponses texts;
  private final Duration keep;

  SessionLetterArchives(
      LetterArchives archives,
      LetterArchiveWorker worker,
      LetterArchiveZip zip,
      SessionCatalog sessions,
      DepartmentDirectory departments,
      ErrorResponses texts,
      @Value("${civicflow.letters.archive.keep:PT24H}") Duration keep) {
    this.archives = archives;
    this.worker = worker;
    this.zip = zip;
    this.sessions = sessions;
    this.departments = departments;
    this.texts = texts;
    this.keep = keep;
  }

  /**
   * Starts a download of the session's letters, of one department when {@code department} is given.
   *
   * @throws org.civicflow.domain.common.ValidationException naming {@code department} (unknown)
   */
  LetterArchive start(long sessionId, String department, Caller caller) {
    requireRegistrar(caller);
    sessions.get(sessionId);
    String code =
        department == null || department.isBlank()
            ? null
            : department.strip().toUpperCase(Locale.ROOT);
    FieldErrors errors = new FieldErrors();
    if (code != null && (code.length() > 32 || !departments.exists(code))) {
      errors.add("department", "letter.archive.department.unknown");
    }
    errors.throwIfAny();
    LetterArchive job = archives.start(sessionId, code, caller.username(), keep);
    worker.wake();
    return job;
  }

  /** A job of the session (404 for another session's, an unknown or an expired job). */
  LetterArchive job(long sessionId, long jobId, Caller caller) {
    requireRegistrar(caller);
    sessions.get(sessionId);
    LetterArchive job = archives.get(jobId);
    if (job.sessionId() != sessionId) {
      throw new NotFoundException("letterArchive", jobId);
    }
    return job;
  }

  /** A job of any session (the portal's pages address a job by its id alone). */
  LetterArchive job(long jobId, Caller caller) {
    requireRegistrar(caller);
    return archives.get(jobId);
  }

  /** The jobs not yet expired, the newest first. */
  List<LetterArchive> recent(Caller caller) {
    requireRegistrar(caller);
    return archives.recent(20);
  }

  Session session(long sessionId) {
    return sessions.get(sessionId);
  }

  /** The ZIP's file name: 市九届人大一次会议_答复函.zip, with the department's name when one. */
  String fileName(LetterArchive job) {
    String session = sessions.get(job.sessionId()).name();
    String name =
        job.departmentCode() == null || !departments.exists(job.departmentCode())
            ? texts.text("letter.archive.fileName", List.of(session), LetterContents.LANGUAGE)
            : texts.text(
                "letter.archive.fileNameDepartment",
                List.of(session, departments.get(job.departmentCode()).name()),
                LetterContents.LANGUAGE);
    return LetterArchiveZip.safe(name) + ".zip";
  }

  /**
   * Refuses the download of a job that is not done.
   *
   * @throws ConflictException while the job is still running (or when it could not run)
   */
  void checkReady(LetterArchive job) {
    if (job.status() != LetterArchiveStatus.DONE) {
      throw new ConflictException("letter.archive.notReady", job.id());
    }
  }

  /** Writes the ZIP of a finished job. */
  void write(LetterArchive job, OutputStream out) throws IOException {
    zip.write(job, archives.entries(job.id()), out);
  }

  private static void requireRegistrar(Caller caller) {
    if (!caller.has(Role.REGISTRAR)) {
      throw new ForbiddenException("letter.archive.forbidden");
    }
  }
}
