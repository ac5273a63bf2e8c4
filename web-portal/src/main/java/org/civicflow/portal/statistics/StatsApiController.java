package org.civicflow.portal.statistics;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/stats?session=…} (name or id; the current session when left out) for
 * registrars and admins: 403 for anyone else, 400 naming {@code session} when it is unknown.
 */
@RestController
@RequestMapping("/api/v1/stats")
class StatsApiController {

  private final StatsAccess access;
  private final StatsExport export;

  StatsApiController(StatsAccess access, StatsExport export) {
    this.access = access;
    this.export = export;
  }

  @GetMapping
  ResponseEntity<StatsResponse> stats(
      @RequestParam(required = false) String session, Principal principal) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(StatsResponse.of(access.report(principal, session)));
  }

  /** The same figures as a spreadsheet (see {@link StatsWorkbook}). */
  @GetMapping("/export.xlsx")
  ResponseEntity<byte[]> xlsx(
      @RequestParam(required = false) String session,
      Principal principal,
      HttpServletRequest request)
      throws IOException {
    return export.download(access.report(principal, session), request);
  }
}
