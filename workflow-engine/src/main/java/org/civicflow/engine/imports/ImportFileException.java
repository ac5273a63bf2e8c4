package org.civicflow.engine.imports;

import org.civicflow.domain.common.DomainException;

/** The file as a whole cannot be imported: not a spreadsheet, too large, wrong columns... */
public class ImportFileException extends DomainException {

  public ImportFileException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
