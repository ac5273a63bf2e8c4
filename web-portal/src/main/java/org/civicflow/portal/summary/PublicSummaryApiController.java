package org.civicflow.portal.summary;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published summaries for everyone: {@code GET /api/v1/public/summaries?session=} lists them
 * (newest first), {@code GET /{id}} gives one with its figures, and its workbook and document.
 * Drafts, and a record that no longer matches its seal, are 404.
 */
@RestController
@RequestMapping("/api/v1/public/summaries")
class PublicSummaryApiController {

  private static final CacheControl SHORT =
      CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

  private final SummaryWork work;
  private final SummaryFiguresJson json;
  private final SummaryDownloads downloads;

  PublicSummaryApiController(
      SummaryWork work, SummaryFiguresJson json, SummaryDownloads downloads) {
    this.work = work;
    this.json = json;
    this.downloads = downloads;
  }

  @GetMapping
  ResponseEntity<SummaryResponses.Items<SummaryResponses.Public>> list(
      @RequestParam(required = false) String session) {
    return ResponseEntity.ok()
        .cacheControl(SHORT)
        .body(
            new SummaryResponses.Items<>(
                work.published(session).stream()
                    .map(s -> SummaryResponses.Public.of(s, null))
                    .toList()));
  }

  @GetMapping("/{id}")
  ResponseEntity<SummaryResponses.Public> get(@PathVariable long id) {
    var s = work.published(id);
    return ResponseEntity.ok()
        .cacheControl(SHORT)
        .body(SummaryResponses.Public.of(s, json.tree(s)));
  }

  @GetMapping("/{id}/summary.xlsx")
  ResponseEntity<byte[]> workbook(@PathVariable long id, HttpServletRequest request)
      throws IOException {
    return downloads.workbook(work.published(id), request);
  }

  @GetMapping("/{id}/summary.docx")
  ResponseEntity<byte[]> document(@PathVariable long id, HttpServletRequest request) {
    return downloads.document(work.published(id), request);
  }
}
