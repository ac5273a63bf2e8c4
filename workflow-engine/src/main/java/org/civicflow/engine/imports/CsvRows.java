package org.civicflow.engine.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A csv file (RFC 4180, comma separated) in UTF-8, with or without a byte order mark; anything that
 * is not valid UTF-8 is refused rather than guessed. Cells are text: a cell starting with {@code =}
 * is kept as that text.
 */
final class CsvRows extends NonBlankRows {

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;

  CsvRows(byte[] content) {
    int offset = hasBom(content) ? 3 : 0;
    Reader reader =
        new InputStreamReader(
            new ByteArrayInputStream(content, offset, content.length - offset),
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    try {
      this.parser =
          CSVParser.parse(reader, CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get());
    } catch (IOException | UncheckedIOException e) {
      throw refusal(e);
    }
    this.records = parser.iterator();
    try {
      start();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static boolean hasBom(byte[] c) {
    return c.length >= 3 && c[0] == (byte) 0xef && c[1] == (byte) 0xbb && c[2] == (byte) 0xbf;
  }

  @Override
  protected SheetRow readRow() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CSVRecord record = records.next();
      List<SheetCell> cells = new ArrayList<>(record.size());
      for (String value : record) {
        cells.add(SheetCell.of(value));
      }
      return new SheetRow((int) record.getRecordNumber(), cells);
    } catch (UncheckedIOException | IllegalStateException e) {
      throw refusal(e);
    }
  }

  private static ImportFileException refusal(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CharacterCodingException) {
        return new ImportFileException("import.file.notUtf8");
      }
    }
    return new ImportFileException("import.file.unreadable");
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException | RuntimeException ignored) {
      // closing an in-memory reader
    }
  }
}
