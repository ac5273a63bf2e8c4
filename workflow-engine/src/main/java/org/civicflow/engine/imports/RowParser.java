package org.civicflow.engine.imports;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicflow.domain.imports.ImportRowError;
import org.civicflow.domain.proposal.NewProposal;
import org.civicflow.domain.proposal.ProposalType;

/** Reads a sheet row into the input of a registration; every cell is taken as text. */
final class RowParser {

  private final ImportColumns columns;
  private final String defaultSession;
  private final ZoneId zone;

  RowParser(ImportColumns columns, String defaultSession, ZoneId zone) {
    this.columns = columns;
    this.defaultSession = blankToNull(defaultSession);
    this.zone = zone;
  }

  ParsedRow parse(SheetRow row) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : ImportColumns.FIELDS.keySet()) {
      values.put(field, columns.cell(row, field).text().strip());
    }
    List<ImportRowError> unreadable = new ArrayList<>();
    String session = blankToNull(values.get("session"));
    if (session == null) {
      session = defaultSession;
      values.put("session", session == null ? "" : session);
    }
    ProposalType type = null;
    String typeText = values.get("type");
    if (!typeText.isEmpty()) {
      type = type(typeText);
      if (type == null) {
        unreadable.add(ImportRowError.invalid(row.number(), "type", "import.row.type"));
      }
    }
    Instant submittedAt = null;
    SheetCell date = columns.cell(row, "submittedAt");
    if (!date.isBlank()) {
      submittedAt = ImportDates.parse(date, zone);
      if (submittedAt == null) {
        unreadable.add(ImportRowError.invalid(row.number(), "submittedAt", "import.row.date"));
      } else if (date.excelDate() != null) {
        values.put("submittedAt", date.excelDate().toLocalDate().toString());
      }
    }
    List<String> coSigners =
        Arrays.stream(values.get("coSigners").split("[;；]"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    NewProposal input =
        new NewProposal(
            session,
            blankToNull(values.get("number")),
            type,
            blankToNull(values.get("title")),
            blankToNull(values.get("content")),
            blankToNull(values.get("category")),
            blankToNull(values.get("proposer")),
            blankToNull(values.get("proposerUsername")),
            coSigners,
            blankToNull(values.get("delegation")),
            submittedAt);
    return new ParsedRow(row.number(), input, values, unreadable);
  }

  /** SUGGESTION or PROPOSAL, in any case, or 建议 / 提案. */
  static ProposalType type(String text) {
    String t = text.strip();
    if (t.equals("建议")) {
      return ProposalType.SUGGESTION;
    }
    if (t.equals("提案")) {
      return ProposalType.PROPOSAL;
    }
    try {
      return ProposalType.valueOf(t.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
