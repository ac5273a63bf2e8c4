package org.civicflow.engine.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an xlsx file, streamed row by row (fastexcel-reader on a zip file: the sheet
 * is never held whole in memory). Formulas are returned as their text and never evaluated.
 */
final class XlsxRows extends NonBlankRows {

  private final ReadableWorkbook workbook;
  private final Stream<Row> stream;
  private final Iterator<Row> rows;

  XlsxRows(Path file) {
    XlsxGuard.check(file);
    try {
      this.workbook = new ReadableWorkbook(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new ImportFileException("import.file.unreadable");
    }
    try {
      this.stream = workbook.getFirstSheet().openStream();
      this.rows = stream.iterator();
      start();
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof ImportFileException f
          ? f
          : new ImportFileException("import.file.unreadable");
    }
  }

  @Override
  protected SheetRow readRow() {
    try {
      return rows.hasNext() ? read(rows.next()) : null;
    } catch (RuntimeException e) {
      throw new ImportFileException("import.file.unreadable");
    }
  }

  private static SheetRow read(Row row) {
    List<SheetCell> cells = new ArrayList<>(row.getCellCount());
    for (int i = 0; i < row.getCellCount(); i++) {
      cells.add(row.getOptionalCell(i).map(XlsxRows::cell).orElse(SheetCell.EMPTY));
    }
    return new SheetRow(row.getRowNum(), cells);
  }

  static SheetCell cell(Cell c) {
    switch (c.getType()) {
      case FORMULA:
        // never evaluated, and its cached result is not trusted either: the formula is the text
        return SheetCell.of("=" + (c.getFormula() == null ? "" : c.getFormula()));
      case NUMBER:
        BigDecimal n = c.asNumber();
        if (n == null) {
          return SheetCell.EMPTY;
        }
        return new SheetCell(n.stripTrailingZeros().toPlainString(), excelDate(c));
      case STRING:
      case BOOLEAN:
      case ERROR:
        return SheetCell.of(c.getText());
      default:
        return SheetCell.EMPTY;
    }
  }

  private static LocalDateTime excelDate(Cell c) {
    try {
      double value = Double.parseDouble(c.getRawValue());
      // 1 = 1900-01-01 ... 2958465 = 9999-12-31; anything else is no date
      return value >= 1 && value < 2958466 ? c.asDate() : null;
    } catch (RuntimeException notADate) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      if (stream != null) {
        stream.close();
      }
      workbook.close();
    } catch (IOException | RuntimeException ignored) {
      // closing a read-only file
    }
  }
}
