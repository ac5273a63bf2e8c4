package org.civicflow.engine.imports;

import java.time.LocalDateTime;

/**
 * One cell as read, always as text: a formula is its formula text ({@code =…}), never a computed
 * value.
 *
 * @param text the cell's text, never null ("" when empty)
 * @param excelDate the date-time of a numeric xlsx cell read as an Excel date, or null
 */
record SheetCell(String text, LocalDateTime excelDate) {

  static final SheetCell EMPTY = new SheetCell("", null);

  static SheetCell of(String text) {
    return text == null || text.isEmpty() ? EMPTY : new SheetCell(text, null);
  }

  boolean isBlank() {
    return text.isBlank();
  }
}
