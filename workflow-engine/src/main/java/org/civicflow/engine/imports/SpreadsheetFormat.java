package org.civicflow.engine.imports;

/** The kinds of file an import reads. */
public enum SpreadsheetFormat {
  XLSX,
  CSV;

  private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

  /**
   * What the file is, from its first bytes (a zip is an xlsx; an old .xls or an encrypted xlsx is
   * refused); anything else is read as csv text.
   */
  static SpreadsheetFormat detect(byte[] content) {
    if (startsWith(content, ZIP)) {
      return XLSX;
    }
    if (startsWith(content, OLE2)) {
      throw new ImportFileException("import.file.xls");
    }
    return CSV;
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
