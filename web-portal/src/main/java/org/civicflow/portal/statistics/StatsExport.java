package org.civicflow.portal.statistics;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.civicflow.domain.statistics.SessionReport;
import org.civicflow.portal.web.CategoryLabels;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The spreadsheet download: headers in the reader's language, the session in the file name. */
@Component
class StatsExport {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final MessageSource messages;
  private final CategoryLabels categories;

  StatsExport(MessageSource messages, CategoryLabels categories) {
    this.messages = messages;
    this.categories = categories;
  }

  ResponseEntity<byte[]> download(SessionReport report, HttpServletRequest request)
      throws IOException {
    Locale locale = RequestContextUtils.getLocale(request);
    String name =
        messages.getMessage("stats.export.filename", new Object[0], locale)
            + "-"
            + StatsWorkbook.safeFileName(report.sessionName())
            + "-"
            + report.asOf()
            + ".xlsx";
    // Written whole before the answer starts: a failure becomes an error answer, not a cut file.
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    new StatsWorkbook(messages, locale, code -> categories.label(code, locale)).write(report, body);
    return ResponseEntity.ok()
        .contentType(XLSX)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body.toByteArray());
  }
}
