package org.civicflow.portal.summary;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.statistics.DepartmentFigures;
import org.civicflow.domain.statistics.KeyItem;
import org.civicflow.domain.statistics.Rate;
import org.civicflow.domain.summary.Share;
import org.civicflow.domain.summary.SummaryCommitments;
import org.civicflow.domain.summary.SummaryFigures;
import org.civicflow.domain.summary.SummaryItem;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A summary as an xlsx workbook (fastexcel, as the statistics' workbook): the rates, the counts
 * with their shares, the table by department, the commitments, the key items, and the items each
 * figure counts. Text goes into string cells only — never a formula.
 */
final class SummaryWorkbook {

  private static final String PERCENT = "0.0%";

  private final SummaryLabels words;

  SummaryWorkbook(SummaryLabels words) {
    this.words = words;
  }

  void write(SummaryFigures f, OutputStream out) throws IOException {
    Workbook wb = new Workbook(out, "CivicFlow", "1.0");
    overview(wb.newWorksheet(words.text("summary.sheet.overview")), f);
    shares(wb.newWorksheet(words.text("summary.sheet.byType")), f.byType(), true);
    shares(
        wb.newWorksheet(words.text("summary.sheet.byReplyCategory")), f.byReplyCategory(), false);
    departments(wb.newWorksheet(words.text("summary.sheet.departments")), f.byDepartment());
    keyItems(wb.newWorksheet(words.text("summary.sheet.keyItems")), f.keyItems());
    items(wb.newWorksheet(words.text("summary.sheet.items")), f.items());
    wb.finish();
  }

  private void overview(Worksheet ws, SummaryFigures f) {
    header(
        ws,
        "summary.col.measure",
        "summary.col.value",
        "summary.col.numerator",
        "summary.col.denominator");
    int row = 1;
    str(ws, row, 0, words.text("field.session"));
    str(ws, row++, 1, f.session());
    str(ws, row, 0, words.text("summary.total"));
    ws.value(row++, 1, f.total());
    rate(ws, row++, "summary.replyRate", f.replyRate());
    rate(ws, row++, "summary.onTimeRate", f.onTimeRate());
    rate(ws, row++, "summary.meetingRate", f.meetingRate());
    rate(ws, row++, "summary.firstSatisfactionRate", f.firstSatisfactionRate());
    rate(ws, row++, "summary.satisfactionRate", f.satisfactionRate());
    rate(ws, row++, "summary.workSatisfactionRate", f.workSatisfactionRate());
    SummaryCommitments c = f.commitments();
    row = count(ws, row, "summary.commitments.made", c.made());
    row = count(ws, row, "summary.commitments.keptOnTime", c.keptOnTime());
    row = count(ws, row, "summary.commitments.keptLate", c.keptLate());
    row = count(ws, row, "summary.commitments.open", c.open());
    row = count(ws, row, "summary.commitments.overdue", c.overdue());
    rate(ws, row, "summary.commitments.keptRate", c.keptRate());
    ws.width(0, 28);
    ws.width(1, 24);
  }

  private int count(Worksheet ws, int row, String key, long value) {
    str(ws, row, 0, words.text(key));
    ws.value(row, 1, value);
    return row + 1;
  }

  private void rate(Worksheet ws, int row, String key, Rate rate) {
    str(ws, row, 0, words.text(key));
    if (rate.known()) {
      ws.value(row, 1, rate.percent().movePointLeft(2).stripTrailingZeros());
      ws.style(row, 1).format(PERCENT).set();
    } else {
      str(ws, row, 1, SummaryLabels.NONE);
    }
    ws.value(row, 2, rate.numerator());
    ws.value(row, 3, rate.denominator());
  }

  private void shares(Worksheet ws, List<Share> shares, boolean types) {
    header(
        ws,
        types ? "summary.col.type" : "field.category",
        "summary.col.count",
        "summary.col.share");
    int row = 1;
    for (Share s : shares) {
      str(ws, row, 0, types ? words.type(s.key()) : words.category(s.key()));
      ws.value(row, 1, s.count());
      if (s.percent() != null) {
        ws.value(row, 2, s.percent().movePointLeft(2).stripTrailingZeros());
        ws.style(row, 2).format(PERCENT).set();
      }
      row++;
    }
    ws.width(0, 30);
  }

  private void departments(Worksheet ws, List<DepartmentFigures> rows) {
    header(
        ws,
        "field.department",
        "summary.col.assigned",
        "summary.col.replying",
        "summary.col.replied",
        "summary.onTimeRate",
        "summary.satisfactionRate",
        "summary.commitments.made",
        "summary.commitments.kept");
    int row = 1;
    for (DepartmentFigures d : rows) {
      str(ws, row, 0, d.name());
      ws.value(row, 1, d.assigned());
      ws.value(row, 2, d.replying());
      ws.value(row, 3, d.replied());
      str(ws, row, 4, words.rate(d.onTime()));
      str(ws, row, 5, words.rate(d.resultRatings().rate()));
      ws.value(row, 6, d.commitments().made());
      ws.value(row, 7, d.commitments().keptOnTime() + d.commitments().keptLate());
      row++;
    }
    ws.width(0, 24);
  }

  private void keyItems(Worksheet ws, List<KeyItem> items) {
    header(ws, "summary.col.number", "summary.col.title", "field.department");
    int row = 1;
    for (KeyItem k : items) {
      str(ws, row, 0, k.number());
      str(ws, row, 1, k.title());
      str(ws, row++, 2, String.join("、", k.departments()));
    }
    ws.width(1, 40);
  }

  private void items(Worksheet ws, Map<String, List<SummaryItem>> items) {
    header(ws, "summary.col.figure", "summary.col.number", "field.department");
    int row = 1;
    for (Map.Entry<String, List<SummaryItem>> e : items.entrySet()) {
      for (SummaryItem i : e.getValue()) {
        str(ws, row, 0, SummaryFigureNames.label(words, e.getKey()));
        str(ws, row, 1, i.number());
        str(ws, row++, 2, i.departmentName());
      }
    }
    ws.width(0, 30);
  }

  private void header(Worksheet ws, String... keys) {
    for (int c = 0; c < keys.length; c++) {
      str(ws, 0, c, words.text(keys[c]));
      ws.style(0, c).bold().set();
    }
    ws.freezePane(0, 1);
  }

  /** A string cell; one that could pass for a formula is also formatted as text. */
  private static void str(Worksheet ws, int row, int col, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    ws.value(row, col, value);
    if ("=+-@".indexOf(value.charAt(0)) >= 0) {
      ws.style(row, col).format("@").set();
    }
  }
}
