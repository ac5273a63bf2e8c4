package org.civicflow.portal.letter;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.civicflow.domain.letter.LetterArchiveEntry;

/**
 * The list (清单.csv) of a session's letters in their ZIP: one line per signed reply — the file, the
 * document number, the proposal's number, the department, the time of signing, the letter's SHA-256
 * — and, for a letter that could not be made, why. UTF-8 with a byte order mark (so that
 * spreadsheet programs read the Chinese), every field quoted, a leading formula character
 * neutralised.
 */
final class LetterArchiveManifest {

  static final String NAME = "清单.csv";

  /** The failures explained in the list; others read as a general failure. */
  static final Set<String> EXPLAINED = Set.of("letter.noSigningKey", "letter.tampered");

  private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private LetterArchiveManifest() {}

  /**
   * @param files the file name of each stored letter in the ZIP, by publication id
   * @param text the text of a message key, in the letters' language
   */
  static byte[] csv(
      List<LetterArchiveEntry> entries,
      Map<Long, String> files,
      ZoneId zone,
      Function<String, String> text) {
    StringBuilder out = new StringBuilder("\uFEFF");
    line(
        out,
        List.of(
            text.apply("letter.archive.column.file"),
            text.apply("letter.archive.column.number"),
            text.apply("letter.archive.column.proposal"),
            text.apply("letter.archive.column.department"),
            text.apply("letter.archive.column.signedAt"),
            "SHA-256",
            text.apply("letter.archive.column.note")));
    for (LetterArchiveEntry e : entries) {
      boolean stored = files.containsKey(e.publicationId());
      line(
          out,
          List.of(
              stored ? files.get(e.publicationId()) : "",
              stored ? e.documentNumber() : "",
              e.proposalNumber(),
              e.departmentName(),
              SIGNED.format(e.signedAt().atZone(zone)),
              stored ? e.letterSha256() : "",
              stored ? "" : text.apply(note(e))));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String note(LetterArchiveEntry e) {
    if (e.failure() == null) {
      return "letter.archive.failure.notMade";
    }
    return EXPLAINED.contains(e.failure())
        ? "letter.archive.failure." + e.failure()
        : "letter.archive.failure.other";
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quoted(fields.get(i)));
    }
    out.append("\r\n");
  }

  static String quoted(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
