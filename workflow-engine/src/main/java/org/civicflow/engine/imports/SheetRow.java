package org.civicflow.engine.imports;

import java.util.List;

/**
 * One row of a spreadsheet.
 *
 * @param number the row number a spreadsheet program shows (the header is row 1)
 */
record SheetRow(int number, List<SheetCell> cells) {

  SheetCell cell(int index) {
    return index < cells.size() ? cells.get(index) : SheetCell.EMPTY;
  }

  boolean isBlank() {
    return cells.stream().allMatch(SheetCell::isBlank);
  }
}
