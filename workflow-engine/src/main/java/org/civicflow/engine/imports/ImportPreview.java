package org.civicflow.engine.imports;

import java.util.List;
import java.util.Map;
import org.civicflow.domain.imports.ImportJob;
import org.civicflow.domain.imports.ImportRowError;

/**
 * What an import would do, found by checking every row without storing anything.
 *
 * @param sample the first rows, as read
 * @param errors every row that would not be registered, with its reasons
 * @param valid rows that would be registered
 * @param invalid rows with a missing or wrong value
 * @param duplicates rows already registered or repeated within the file (would be skipped)
 */
public record ImportPreview(
    ImportJob job,
    List<SampleRow> sample,
    List<ImportRowError> errors,
    int valid,
    int invalid,
    int duplicates) {

  /** A row of the preview table with its values by field and its problems. */
  public record SampleRow(int row, Map<String, String> values, List<ImportRowError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }
}
