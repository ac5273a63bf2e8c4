package org.civicflow.portal.imports;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import org.civicflow.domain.imports.ImportJob;
import org.civicflow.engine.imports.ImportFileException;
import org.civicflow.engine.imports.ProposalImport;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.ApiError;
import org.civicflow.portal.web.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/proposals/imports}: a spreadsheet in the part {@code file} (and optionally
 * the {@code session} of rows that name none) is checked as a whole and imported in the background:
 * 202 with its {@code id}. {@code GET /api/v1/proposals/imports/{id}}: its progress and the rows it
 * did not register. Registrars only.
 */
@RestController
@RequestMapping("/api/v1/proposals/imports")
class ImportApiController {

  private final Callers callers;
  private final ProposalImport imports;
  private final ImportTexts texts;

  ImportApiController(Callers callers, ProposalImport imports, ImportTexts texts) {
    this.callers = callers;
    this.imports = imports;
    this.texts = texts;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> start(
      @RequestPart("file") MultipartFile file,
      @RequestParam(value = "session", required = false) String session,
      Principal principal)
      throws IOException {
    Caller caller = callers.of(principal);
    long staged = imports.upload(file.getOriginalFilename(), file.getBytes(), session, caller);
    ImportJob job = imports.start(staged, caller);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/proposals/imports/" + job.id()))
        .body(Map.of("id", job.id(), "status", job.status().name()));
  }

  /** The progress; {@code errors=false} leaves the row errors out (for polling). */
  @GetMapping("/{id}")
  ImportTexts.JobView progress(
      @PathVariable long id,
      @RequestParam(value = "errors", defaultValue = "true") boolean withErrors,
      Principal principal) {
    Caller caller = callers.of(principal);
    ImportJob job = imports.job(id, caller);
    return texts.job(job, withErrors ? imports.errors(id, caller) : null);
  }

  /** A file that cannot be imported at all: 400 naming the problem, on the field {@code file}. */
  @ExceptionHandler(ImportFileException.class)
  ResponseEntity<ApiError> refused(ImportFileException e) {
    String message = texts.text(e.messageKey(), e.arguments().toArray());
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(400, "invalid_file", message, Map.of("file", message)));
  }
}
