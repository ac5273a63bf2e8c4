package org.civicflow.engine.imports;

import java.util.NoSuchElementException;

/**
 * The look-ahead shared by the file formats: the header is the first non-blank row, and the rows
 * after it are handed out one at a time with the blank ones left out. A format supplies {@link
 * #readRow()} and calls {@link #start()} once it is open.
 */
abstract class NonBlankRows implements SheetRows {

  private SheetRow header;
  private SheetRow next;

  /** The next row of the file, blank or not; {@code null} at its end. */
  protected abstract SheetRow readRow();

  /** Reads the header and the first row; a file without any non-blank row is refused. */
  protected final void start() {
    header = nextNonBlank();
    if (header == null) {
      throw new ImportFileException("import.file.empty");
    }
    next = nextNonBlank();
  }

  private SheetRow nextNonBlank() {
    for (SheetRow row = readRow(); row != null; row = readRow()) {
      if (!row.isBlank()) {
        return row;
      }
    }
    return null;
  }

  @Override
  public SheetRow header() {
    return header;
  }

  @Override
  public boolean hasNext() {
    return next != null;
  }

  @Override
  public SheetRow next() {
    if (next == null) {
      throw new NoSuchElementException();
    }
    SheetRow current = next;
    next = nextNonBlank();
    return current;
  }
}
