package org.civicflow.portal.summary;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.civicflow.domain.calendar.HolidayCalendar;
import org.civicflow.domain.summary.HandlingSummary;
import org.civicflow.domain.summary.SummaryFigures;
import org.civicflow.portal.web.CategoryLabels;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The workbook and the document of a summary, in the reader's language, the session in the name.
 */
@Component
class SummaryDownloads {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final MessageSource messages;
  private final SummaryFiguresJson json;
  private final HolidayCalendar calendar;
  private final CategoryLabels categories;

  SummaryDownloads(
      MessageSource messages,
      SummaryFiguresJson json,
      HolidayCalendar calendar,
      CategoryLabels categories) {
    this.messages = messages;
    this.json = json;
    this.calendar = calendar;
    this.categories = categories;
  }

  ResponseEntity<byte[]> workbook(HandlingSummary s, HttpServletRequest request)
      throws IOException {
    SummaryLabels words = words(request);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    new SummaryWorkbook(words).write(json.figures(s), body);
    return attachment(XLSX, name(words, s, "xlsx"), body.toByteArray());
  }

  ResponseEntity<byte[]> document(HandlingSummary s, HttpServletRequest request) {
    SummaryLabels words = words(request);
    SummaryFigures f = json.figures(s);
    byte[] body = new SummaryDocument(words, calendar.zone()).write(s, f);
    return attachment(DOCX, name(words, s, "docx"), body);
  }

  private SummaryLabels words(HttpServletRequest request) {
    Locale locale = RequestContextUtils.getLocale(request);
    return new SummaryLabels(messages, locale, code -> categories.label(code, locale));
  }

  private static String name(SummaryLabels words, HandlingSummary s, String ext) {
    String session = s.getSessionName().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    return words.text("summary.filename", session) + "-" + s.getId() + "." + ext;
  }

  private static ResponseEntity<byte[]> attachment(MediaType type, String name, byte[] body) {
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }
}
