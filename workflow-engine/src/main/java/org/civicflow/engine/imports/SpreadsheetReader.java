package org.civicflow.engine.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an uploaded file as rows. An xlsx is written to a temporary file first, so that it is read
 * through the zip directory, one sheet row at a time, and deleted when the rows are closed.
 */
final class SpreadsheetReader {

  private SpreadsheetReader() {}

  static SheetRows open(byte[] content, SpreadsheetFormat format) {
    if (format == SpreadsheetFormat.CSV) {
      return new CsvRows(content);
    }
    Path file;
    try {
      file = Files.createTempFile("civicflow-import-", ".xlsx");
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      XlsxRows rows = new XlsxRows(file);
      return new SheetRows() {
        @Override
        public SheetRow header() {
          return rows.header();
        }

        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public SheetRow next() {
          return rows.next();
        }

        @Override
        public void close() {
          rows.close();
          delete(file);
        }
      };
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file; the system cleans it up eventually
    }
  }
}
