package org.civicflow.portal.apidocs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the OpenAPI document says of each operation beside what springdoc reads off the controllers:
 * a one-line summary and the error answers, from {@code openapi-operations.txt} (one line per
 * operation: {@code METHOD /path | 400 401 404 | summary}). Kept in one table rather than in
 * annotations so that the controllers stay short and a missing line is easy to see (a test fails on
 * an operation without one).
 */
record OperationNotes(Map<String, Note> byOperation) {

  /** One operation's summary and error statuses. */
  record Note(String summary, List<Integer> errors) {}

  static final String RESOURCE = "/org/civicflow/portal/apidocs/openapi-operations.txt";

  static OperationNotes load() {
    try (InputStream in = OperationNotes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OperationNotes parse(BufferedReader reader) throws IOException {
    Map<String, Note> notes = new LinkedHashMap<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] parts = text.split("\\|", 3);
      if (parts.length != 3 || parts[2].isBlank()) {
        throw new IllegalStateException(
            RESOURCE + " line " + number + ": not METHOD /path | errors | summary");
      }
      List<Integer> errors = new ArrayList<>();
      for (String code : parts[1].strip().split("\\s+")) {
        if (!code.isEmpty()) {
          errors.add(Integer.valueOf(code));
        }
      }
      String key = key(parts[0]);
      if (notes.put(key, new Note(parts[2].strip(), List.copyOf(errors))) != null) {
        throw new IllegalStateException(RESOURCE + " line " + number + ": " + key + " twice");
      }
    }
    return new OperationNotes(Map.copyOf(notes));
  }

  /** {@code "GET /api/v1/me"}: the method in upper case, one space, the path. */
  static String key(String methodAndPath) {
    String[] p = methodAndPath.strip().split("\\s+", 2);
    return p[0].toUpperCase(java.util.Locale.ROOT) + " " + (p.length > 1 ? p[1].strip() : "");
  }

  Note of(String method, String path) {
    return byOperation.get(key(method + " " + path));
  }
}
