package org.civicflow.portal.summary;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.summary.HandlingSummary;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registrar's summaries: {@code POST /api/v1/summaries} {@code {"session"}} generates (or
 * regenerates) the session's draft, {@code GET} lists them, {@code GET /{id}} shows one with its
 * figures, {@code POST /{id}/publish} publishes and seals it; the workbook and the document of any
 * of them. Registrars and admins only (403 for others).
 */
@RestController
@RequestMapping("/api/v1/summaries")
class SummaryApiController {

  private final SummaryWork work;
  private final SummaryDownloads downloads;

  SummaryApiController(SummaryWork work, SummaryDownloads downloads) {
    this.work = work;
    this.downloads = downloads;
  }

  @PostMapping
  ResponseEntity<SummaryResponses.Staff> generate(
      @RequestBody(required = false) SummaryResponses.GenerateRequest body, Principal principal) {
    if (body == null) {
      throw ValidationException.of("session", "validation.required");
    }
    HandlingSummary s = work.generate(principal, body.session());
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(work.staffView(s));
  }

  @GetMapping
  ResponseEntity<SummaryResponses.Items<SummaryResponses.Staff>> list(Principal principal) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new SummaryResponses.Items<>(
                work.all(principal).stream()
                    .map(s -> SummaryResponses.Staff.of(s, null, null))
                    .toList()));
  }

  @GetMapping("/{id}")
  ResponseEntity<SummaryResponses.Staff> get(@PathVariable long id, Principal principal) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(work.staffView(work.get(principal, id)));
  }

  @PostMapping("/{id}/publish")
  ResponseEntity<SummaryResponses.Staff> publish(@PathVariable long id, Principal principal) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(work.staffView(work.publish(principal, id)));
  }

  @GetMapping("/{id}/summary.xlsx")
  ResponseEntity<byte[]> workbook(
      @PathVariable long id, Principal principal, HttpServletRequest request) throws IOException {
    return downloads.workbook(work.get(principal, id), request);
  }

  @GetMapping("/{id}/summary.docx")
  ResponseEntity<byte[]> document(
      @PathVariable long id, Principal principal, HttpServletRequest request) {
    return downloads.document(work.get(principal, id), request);
  }
}
