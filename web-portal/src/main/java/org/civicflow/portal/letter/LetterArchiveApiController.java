package org.civicflow.portal.letter;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.civicflow.domain.letter.LetterArchive;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/sessions/{id}/letters/archive} starts the download of every signed reply
 * letter of a session (optionally {@code {"department": "SCJG"}}) as one ZIP: 202 with the job;
 * {@code GET …/archive/{jobId}} its progress; {@code GET …/archive/{jobId}/file} the ZIP once done
 * (409 before). Registrars only.
 */
@RestController
@RequestMapping("/api/v1/sessions/{id}/letters/archive")
class LetterArchiveApiController {

  /** What to download: every department's letters, or one department's. */
  record Start(String department) {}

  private final SessionLetterArchives archives;
  private final Callers callers;

  LetterArchiveApiController(SessionLetterArchives archives, Callers callers) {
    this.archives = archives;
    this.callers = callers;
  }

  @PostMapping
  ResponseEntity<LetterArchiveView> start(
      @PathVariable long id, @RequestBody(required = false) Start body, Principal principal) {
    LetterArchive job =
        archives.start(id, body == null ? null : body.department(), callers.of(principal));
    return ResponseEntity.accepted()
        .location(URI.create(LetterArchiveView.path(id, job.id())))
        .body(LetterArchiveView.of(job));
  }

  @GetMapping("/{jobId}")
  LetterArchiveView progress(@PathVariable long id, @PathVariable long jobId, Principal principal) {
    return LetterArchiveView.of(archives.job(id, jobId, callers.of(principal)));
  }

  /** The ZIP, streamed from the stored letters (the web thread only copies bytes). */
  @GetMapping("/{jobId}/file")
  void file(
      @PathVariable long id,
      @PathVariable long jobId,
      Principal principal,
      HttpServletResponse response)
      throws IOException {
    Caller caller = callers.of(principal);
    LetterArchive job = archives.job(id, jobId, caller);
    archives.checkReady(job);
    download(archives, job, response);
  }

  static void download(
      SessionLetterArchives archives, LetterArchive job, HttpServletResponse response)
      throws IOException {
    String name = archives.fileName(job);
    response.setContentType("application/zip");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
    archives.write(job, response.getOutputStream());
  }
}
