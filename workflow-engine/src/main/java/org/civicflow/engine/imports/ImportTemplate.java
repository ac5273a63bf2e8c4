package org.civicflow.engine.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The downloadable import templates: the column labels in Chinese, and (xlsx) a second sheet that
 * explains each column. Only the first sheet is ever imported.
 */
public final class ImportTemplate {

  private ImportTemplate() {}

  /** The column labels in template order. */
  public static List<String> labels() {
    return ImportColumns.FIELDS.keySet().stream().map(ImportColumns::label).toList();
  }

  /** The API field names in template order. */
  public static List<String> fields() {
    return List.copyOf(ImportColumns.FIELDS.keySet());
  }

  public static boolean required(String field) {
    return ImportColumns.REQUIRED.contains(field);
  }

  /**
   * Writes the xlsx template.
   *
   * @param notes by field name: what to write in the column (the explanation sheet)
   * @param noteHeader the explanation sheet's name and column titles
   */
  public static void xlsx(OutputStream out, Map<String, String> notes, List<String> noteHeader)
      throws IOException {
    Workbook wb = new Workbook(out, "CivicFlow", "1.0");
    Worksheet sheet = wb.newWorksheet("proposals");
    List<String> fields = fields();
    for (int c = 0; c < fields.size(); c++) {
      sheet.value(0, c, ImportColumns.label(fields.get(c)));
      sheet.style(0, c).bold().set();
      // text cells: numbers such as 911100 stay as written
      sheet.style(1, c).format("@").set();
      sheet.width(c, fields.get(c).equals("content") ? 60 : 16);
    }
    sheet.freezePane(0, 1);
    Worksheet help = wb.newWorksheet(noteHeader.get(0));
    for (int c = 1; c < noteHeader.size(); c++) {
      help.value(0, c - 1, noteHeader.get(c));
      help.style(0, c - 1).bold().set();
    }
    for (int r = 0; r < fields.size(); r++) {
      String field = fields.get(r);
      help.value(r + 1, 0, ImportColumns.label(field));
      help.value(r + 1, 1, field);
      help.value(r + 1, 2, notes.getOrDefault(field, ""));
    }
    help.width(0, 16);
    help.width(1, 18);
    help.width(2, 80);
    wb.finish();
  }

  /** Writes the csv template: UTF-8 with a byte order mark (so that Excel reads it as UTF-8). */
  public static void csv(OutputStream out) throws IOException {
    out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    out.write((String.join(",", labels()) + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
