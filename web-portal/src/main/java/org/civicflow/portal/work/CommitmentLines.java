package org.civicflow.portal.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commitments of a draft as the portal's form writes them, one a line: {@code what | YYYY-MM-DD
 * | how one will know} (a full-width ｜ works too). Each line becomes the API's {@code {text,
 * dueDate, measure}}; the task step checks them as it checks an API body.
 */
final class CommitmentLines {

  private CommitmentLines() {}

  static List<Map<String, Object>> parse(String text) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String line : text.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("[|｜]", 3);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("text", parts[0].strip());
      c.put("dueDate", parts.length > 1 ? parts[1].strip() : "");
      c.put("measure", parts.length > 2 ? parts[2].strip() : "");
      out.add(c);
    }
    return out;
  }

  /** The line number (from 1) of a field such as {@code commitments[0].dueDate}. */
  static int line(String field) {
    int open = field.indexOf('[');
    int close = field.indexOf(']');
    return Integer.parseInt(field.substring(open + 1, close)) + 1;
  }

  /** The lines of a list of commitments, for refilling the form. */
  static String format(List<?> commitments) {
    StringBuilder b = new StringBuilder();
    for (Object o : commitments) {
      if (o instanceof Map<?, ?> m) {
        b.append(m.get("text")).append(" | ").append(m.get("dueDate")).append(" | ");
        b.append(m.get("measure")).append('\n');
      }
    }
    return b.toString();
  }
}
