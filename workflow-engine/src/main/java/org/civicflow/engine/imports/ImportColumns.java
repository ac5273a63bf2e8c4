package org.civicflow.engine.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an import file: named by the field names of {@code POST /api/v1/proposals} or by
 * the Chinese labels of the template (a note in brackets and a required mark {@code *} are
 * ignored). Unknown or repeated columns are refused, so that no value is silently dropped.
 */
final class ImportColumns {

  /** The fields in template order, with their template label first and accepted variants. */
  static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("session", List.of("会议届次", "届次"));
    FIELDS.put("number", List.of("编号", "建议编号", "提案编号"));
    FIELDS.put("type", List.of("类型", "类别"));
    FIELDS.put("title", List.of("案由", "标题", "题目"));
    FIELDS.put("content", List.of("内容", "建议内容", "提案内容", "正文"));
    FIELDS.put("category", List.of("分类", "问题分类"));
    FIELDS.put("proposer", List.of("领衔人", "提出人"));
    FIELDS.put("proposerUsername", List.of("领衔人账号"));
    FIELDS.put("coSigners", List.of("附议人"));
    FIELDS.put("delegation", List.of("代表团/界别", "代表团", "界别"));
    FIELDS.put("submittedAt", List.of("提出时间", "提出日期", "提交时间", "时间"));
  }

  /** Columns without which no row can be registered (session and type may come from the form). */
  static final List<String> REQUIRED =
      List.of("number", "title", "content", "proposer", "submittedAt");

  private final Map<String, Integer> index;

  private ImportColumns(Map<String, Integer> index) {
    this.index = index;
  }

  /**
   * Reads the header row.
   *
   * @param sessionGiven whether rows without a session take one chosen for the whole file
   */
  static ImportColumns of(SheetRow header, boolean sessionGiven) {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < header.cells().size(); i++) {
      String text = header.cell(i).text();
      if (text.isBlank()) {
        continue;
      }
      String field =
          fieldOf(text)
              .orElseThrow(() -> new ImportFileException("import.file.unknownColumn", shown(text)));
      if (index.putIfAbsent(field, i) != null) {
        throw new ImportFileException("import.file.duplicateColumn", shown(text));
      }
    }
    for (String field : REQUIRED) {
      if (!index.containsKey(field)) {
        throw new ImportFileException("import.file.missingColumn", label(field), field);
      }
    }
    if (!sessionGiven && !index.containsKey("session")) {
      throw new ImportFileException("import.file.missingColumn", label("session"), "session");
    }
    return new ImportColumns(index);
  }

  static Optional<String> fieldOf(String header) {
    String name = normalize(header);
    for (Map.Entry<String, List<String>> f : FIELDS.entrySet()) {
      if (f.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
          || f.getValue().contains(name)) {
        return Optional.of(f.getKey());
      }
    }
    return Optional.empty();
  }

  /** Without spaces, the required mark and a note in brackets: "提出时间(如 2022-01-05)*". */
  static String normalize(String header) {
    return header.replaceAll("[(（][^)）]*[)）]", "").replaceAll("[\\s\\u3000*＊]", "").strip();
  }

  /** The template's label of a field. */
  static String label(String field) {
    return FIELDS.get(field).get(0);
  }

  private static String shown(String text) {
    String s = text.strip();
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  boolean has(String field) {
    return index.containsKey(field);
  }

  /** The cell of a field in a row; empty when the file has no such column. */
  SheetCell cell(SheetRow row, String field) {
    Integer i = index.get(field);
    return i == null ? SheetCell.EMPTY : row.cell(i);
  }
}
