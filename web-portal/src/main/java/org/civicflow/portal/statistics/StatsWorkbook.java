package org.civicflow.portal.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.civicflow.domain.statistics.Count;
import org.civicflow.domain.statistics.DepartmentFigures;
import org.civicflow.domain.statistics.KeyItem;
import org.civicflow.domain.statistics.OverdueItem;
import org.civicflow.domain.statistics.Rate;
import org.civicflow.domain.statistics.SessionReport;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;

/**
 * A session's statistics as an xlsx workbook (fastexcel's streaming writer): summary, by status, by
 * department, by category, by reply category, by delegation, the overdue list and the key items.
 * Every text goes into a string cell — never a formula — and a text that a spreadsheet could take
 * for one ({@code = + - @}) also gets the text format, so that editing the cell keeps it text.
 * Rates are numbers with a percent format, or "—" when there is nothing to count.
 */
final class StatsWorkbook {

  static final String NONE = "—";
  private static final String PERCENT = "0.0%";
  private static final String DATE = "yyyy-mm-dd";

  private final MessageSource messages;
  private final Locale locale;
  private final Function<String, String> categoryLabel;

  /**
   * @param categoryLabel the label of a result category's code as configured, in {@code locale}
   */
  StatsWorkbook(MessageSource messages, Locale locale, Function<String, String> categoryLabel) {
    this.messages = messages;
    this.locale = locale;
    this.categoryLabel = categoryLabel;
  }

  /** A file-name part of a session name: no path separators or control characters. */
  static String safeFileName(String name) {
    return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
  }

  void write(SessionReport r, OutputStream out) throws IOException {
    Workbook wb = new Workbook(out, "CivicFlow", "1.0");
    summary(wb.newWorksheet(text("stats.sheet.summary")), r);
    counts(wb, "stats.sheet.status", "field.status", statusCounts(r.byStatus()));
    departments(wb.newWorksheet(text("stats.sheet.departments")), r.byDepartment());
    counts(wb, "stats.sheet.category", "stats.col.category", labelled(r.byCategory()));
    counts(wb, "stats.sheet.replyCategory", "field.category", replyCounts(r.byReplyCategory()));
    counts(wb, "stats.sheet.delegation", "field.delegation", labelled(r.byDelegation()));
    overdue(wb.newWorksheet(text("stats.sheet.overdue")), r.overdue());
    keyItems(wb.newWorksheet(text("stats.sheet.keyItems")), r.keyItems());
    commitments(wb.newWorksheet(text("stats.sheet.commitments")), r);
    wb.finish();
  }

  private void summary(Worksheet ws, SessionReport r) {
    header(
        ws, "stats.col.measure", "stats.col.value", "stats.col.numerator", "stats.col.denominator");
    int row = 1;
    str(ws, row, 0, text("field.session"));
    str(ws, row++, 1, r.sessionName());
    str(ws, row, 0, text("stats.asOf"));
    ws.value(row, 1, r.asOf());
    ws.style(row++, 1).format(DATE).set();
    str(ws, row, 0, text("stats.total"));
    ws.value(row++, 1, r.total());
    rate(ws, row++, text("stats.onTimeRate"), r.onTimeRate());
    rate(ws, row++, text("stats.satisfactionRate"), r.satisfactionRate());
    rate(ws, row++, text("stats.workSatisfactionRate"), r.workSatisfactionRate());
    str(ws, row, 0, text("stats.overdueCount"));
    ws.value(row++, 1, r.overdueCount());
    str(ws, row, 0, text("stats.keyCount"));
    ws.value(row++, 1, r.keyItems().size());
    str(ws, row, 0, text("stats.unrated"));
    ws.value(row, 1, r.unrated());
    ws.width(0, 28);
    ws.width(1, 24);
  }

  private void rate(Worksheet ws, int row, String label, Rate rate) {
    str(ws, row, 0, label);
    percent(ws, row, 1, rate);
    ws.value(row, 2, rate.numerator());
    ws.value(row, 3, rate.denominator());
  }

  private static void percent(Worksheet ws, int row, int col, Rate rate) {
    if (rate.known()) {
      ws.value(row, col, rate.percent().movePointLeft(2).stripTrailingZeros());
      ws.style(row, col).format(PERCENT).set();
    } else {
      ws.value(row, col, NONE);
    }
  }

  private record Labelled(String label, long count) {}

  private void counts(Workbook wb, String sheetKey, String labelKey, List<Labelled> rows) {
    Worksheet ws = wb.newWorksheet(text(sheetKey));
    header(ws, labelKey, "stats.col.count");
    int row = 1;
    for (Labelled c : rows) {
      str(ws, row, 0, c.label());
      ws.value(row++, 1, c.count());
    }
    ws.width(0, 30);
  }

  private List<Labelled> statusCounts(List<Count> counts) {
    return counts.stream().map(c -> new Labelled(text("status." + c.key()), c.count())).toList();
  }

  private List<Labelled> replyCounts(List<Count> counts) {
    return counts.stream().map(c -> new Labelled(categoryLabel.apply(c.key()), c.count())).toList();
  }

  private List<Labelled> labelled(List<Count> counts) {
    return counts.stream()
        .map(c -> new Labelled(c.key() == null ? text("stats.unspecified") : c.key(), c.count()))
        .toList();
  }

  private void departments(Worksheet ws, List<DepartmentFigures> rows) {
    header(
        ws,
        "field.department",
        "stats.col.assigned",
        "stats.col.replying",
        "stats.col.coHandling",
        "stats.col.open",
        "stats.col.replied",
        "stats.col.onTime",
        "stats.onTimeRate",
        "stats.col.overdue",
        "stats.satisfactionRate",
        "stats.workSatisfactionRate");
    int row = 1;
    for (DepartmentFigures d : rows) {
      str(ws, row, 0, d.name());
      ws.value(row, 1, d.assigned());
      ws.value(row, 2, d.replying());
      ws.value(row, 3, d.coHandling());
      ws.value(row, 4, d.open());
      ws.value(row, 5, d.replied());
      ws.value(row, 6, d.onTime().numerator());
      percent(ws, row, 7, d.onTime());
      ws.value(row, 8, d.overdue());
      percent(ws, row, 9, d.resultRatings().rate());
      percent(ws, row, 10, d.workRatings().rate());
      row++;
    }
    ws.width(0, 24);
  }

  private void overdue(Worksheet ws, List<OverdueItem> items) {
    header(
        ws,
        "field.number",
        "field.title",
        "field.department",
        "stats.col.role",
        "stats.col.dueDate",
        "stats.col.daysOverdue",
        "stats.col.key");
    int row = 1;
    for (OverdueItem o : items) {
      str(ws, row, 0, o.number());
      str(ws, row, 1, o.title());
      str(ws, row, 2, o.departmentName());
      str(ws, row, 3, text("stats.role." + o.role()));
      ws.value(row, 4, o.dueDate());
      ws.style(row, 4).format(DATE).set();
      ws.value(row, 5, o.daysOverdue());
      str(ws, row, 6, o.keyItem() ? text("stats.yes") : "");
      row++;
    }
    ws.width(1, 50);
    ws.width(2, 20);
    ws.width(4, 12);
  }

  private void keyItems(Worksheet ws, List<KeyItem> items) {
    header(
        ws,
        "field.number",
        "field.title",
        "field.status",
        "field.department",
        "stats.col.dueDate",
        "stats.col.overdue");
    int row = 1;
    for (KeyItem k : items) {
      str(ws, row, 0, k.number());
      str(ws, row, 1, k.title());
      str(ws, row, 2, text("status." + k.status()));
      str(ws, row, 3, String.join("、", k.departments()));
      if (k.dueDate() != null) {
        ws.value(row, 4, k.dueDate());
        ws.style(row, 4).format(DATE).set();
      }
      str(ws, row, 5, k.overdue() ? text("stats.yes") : "");
      row++;
    }
    ws.width(1, 50);
    ws.width(3, 30);
    ws.width(4, 12);
  }

  /** The commitments overall and by department, then the overdue ones (the supervision list). */
  private void commitments(Worksheet ws, SessionReport r) {
    header(
        ws,
        "field.department",
        "stats.commitments.made",
        "stats.commitments.keptOnTime",
        "stats.commitments.keptLate",
        "stats.commitments.open",
        "stats.commitments.overdue");
    int row = 1;
    row = commitmentRow(ws, row, text("stats.commitments.total"), r.commitments());
    for (DepartmentFigures d : r.byDepartment()) {
      row = commitmentRow(ws, row, d.name(), d.commitments());
    }
    row++;
    String[] columns = {
      "field.number",
      "field.title",
      "field.department",
      "field.commitments",
      "stats.col.dueDate",
      "stats.col.daysOverdue"
    };
    for (int c = 0; c < columns.length; c++) {
      str(ws, row, c, text(columns[c]));
      ws.style(row, c).bold().set();
    }
    row++;
    for (var o : r.overdueCommitments()) {
      str(ws, row, 0, o.number());
      str(ws, row, 1, o.title());
      str(ws, row, 2, o.departmentName());
      str(ws, row, 3, o.text());
      ws.value(row, 4, o.dueDate());
      ws.style(row, 4).format(DATE).set();
      ws.value(row, 5, o.daysOverdue());
      row++;
    }
    ws.width(0, 24);
    ws.width(1, 40);
    ws.width(3, 40);
  }

  private static int commitmentRow(
      Worksheet ws, int row, String label, org.civicflow.domain.statistics.CommitmentCounts c) {
    str(ws, row, 0, label);
    ws.value(row, 1, c.made());
    ws.value(row, 2, c.keptOnTime());
    ws.value(row, 3, c.keptLate());
    ws.value(row, 4, c.open());
    ws.value(row, 5, c.overdue());
    return row + 1;
  }

  private void header(Worksheet ws, String... keys) {
    for (int c = 0; c < keys.length; c++) {
      str(ws, 0, c, text(keys[c]));
      ws.style(0, c).bold().set();
    }
    ws.freezePane(0, 1);
  }

  /** A string cell; one that could pass for a formula is also formatted as text. */
  static void str(Worksheet ws, int row, int col, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    ws.value(row, col, value);
    if (looksLikeFormula(value)) {
      ws.style(row, col).format("@").set();
    }
  }

  static boolean looksLikeFormula(String value) {
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@';
  }

  private String text(String key) {
    return messages.getMessage(key, new Object[0], locale);
  }
}
