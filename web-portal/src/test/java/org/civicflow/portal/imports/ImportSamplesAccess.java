package org.civicflow.portal.imports;

import java.util.List;

/** The sample files of {@link ImportSamples} for tests in other packages (the browser test). */
public final class ImportSamplesAccess {

  private ImportSamplesAccess() {}

  public static List<String[]> rows(String prefix, int count, long seed) {
    return ImportSamples.rows(prefix, count, seed);
  }

  public static String[] with(String[] row, int column, String value) {
    return ImportSamples.with(row, column, value);
  }

  /** An xlsx with the template's Chinese column labels. */
  public static byte[] xlsx(List<String[]> rows) {
    return ImportSamples.xlsx(ImportSamples.LABELS, rows);
  }
}
