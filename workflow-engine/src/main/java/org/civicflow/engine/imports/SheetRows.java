package org.civicflow.engine.imports;

import java.io.Closeable;
import java.util.Iterator;

/** The rows of a spreadsheet, read one at a time; blank rows are left out. */
interface SheetRows extends Iterator<SheetRow>, Closeable {

  /** The first row: the column names. */
  SheetRow header();

  @Override
  void close();
}
