package org.civicflow.domain.imports;

/**
 * A row that an import did not register, and why.
 *
 * @param row the row number as a spreadsheet shows it (the header is row 1)
 * @param field the field at fault (an API field name), or null for the whole row
 * @param messageKey the message bundle key that explains it
 * @param argument the message's one argument, if it has one
 */
public record ImportRowError(int row, Kind kind, String field, String messageKey, String argument) {

  /** What happened to the row. */
  public enum Kind {
    /** A value is missing or wrong: the row was not registered. */
    INVALID,
    /** The session already has a proposal with this number: skipped, nothing registered. */
    DUPLICATE,
    /** Registering failed for another reason: the row was not registered. */
    ERROR
  }

  public static ImportRowError invalid(int row, String field, String messageKey) {
    return new ImportRowError(row, Kind.INVALID, field, messageKey, null);
  }
}
