package org.civicflow.engine.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submission times as registrars' spreadsheets write them: {@code 2021-12-29}, {@code 2021/12/29},
 * {@code 2021.12.29}, {@code 2021年12月29日}, {@code 20211229}, each optionally with a time ({@code
 * 10:30} or {@code 10:30:00}); an ISO time with an offset; or an xlsx date cell. A date alone is
 * the start of that day in the city.
 */
final class ImportDates {

  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?|(\\d{2})(\\d{2}))"
              + "(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

  private ImportDates() {}

  /** The instant, or null when the cell is no date. */
  static Instant parse(SheetCell cell, ZoneId zone) {
    if (cell.excelDate() != null) {
      return cell.excelDate().atZone(zone).toInstant();
    }
    String text = cell.text().strip();
    try {
      if (text.matches(".*T.*(Z|[+-]\\d\\d:\\d\\d)$")) {
        return OffsetDateTime.parse(text).toInstant();
      }
      Matcher m = DATE.matcher(text);
      if (!m.matches()) {
        return null;
      }
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
      int day = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(5));
      LocalTime time =
          m.group(6) == null
              ? LocalTime.MIDNIGHT
              : LocalTime.of(
                  Integer.parseInt(m.group(6)),
                  Integer.parseInt(m.group(7)),
                  m.group(8) == null ? 0 : Integer.parseInt(m.group(8)));
      return LocalDateTime.of(LocalDate.of(year, month, day), time).atZone(zone).toInstant();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
