package org.civicflow.portal.summary;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.civicflow.domain.statistics.DepartmentFigures;
import org.civicflow.domain.statistics.KeyItem;
import org.civicflow.domain.summary.HandlingSummary;
import org.civicflow.domain.summary.Share;
import org.civicflow.domain.summary.SummaryCommitments;
import org.civicflow.domain.summary.SummaryFigures;
import org.civicflow.portal.letter.DocxDocument;
import org.civicflow.portal.letter.DocxDocument.Align;
import org.civicflow.portal.letter.DocxDocument.Paragraph;

/**
 * A summary as a document (docx, the letters' writer and fonts): the title, the figures written out
 * as the sentences such reports use, the table by department as lines, the key items.
 */
final class SummaryDocument {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final SummaryLabels words;
  private final ZoneId zone;

  SummaryDocument(SummaryLabels words, ZoneId zone) {
    this.words = words;
    this.zone = zone;
  }

  byte[] write(HandlingSummary s, SummaryFigures f) {
    DocxDocument doc = new DocxDocument();
    doc.add(
        new Paragraph(
            words.text("summary.title", f.session()),
            DocxDocument.TITLE_FONT,
            22,
            false,
            null,
            Align.CENTER,
            false,
            false,
            12));
    heading(doc, words.text("summary.section.overview"));
    StringBuilder types = new StringBuilder();
    for (Share t : f.byType()) {
      types.append(
          words.text(
              "summary.doc.type", words.type(t.key()), t.count(), words.percent(t.percent())));
    }
    doc.body(words.text("summary.doc.total", f.total(), types.toString()), Align.BOTH, true);
    StringBuilder categories = new StringBuilder();
    for (Share c : f.byReplyCategory()) {
      categories.append(
          words.text(
              "summary.doc.category",
              words.category(c.key()),
              c.count(),
              words.percent(c.percent())));
    }
    doc.body(words.text("summary.doc.categories", categories.toString()), Align.BOTH, true);
    heading(doc, words.text("summary.section.rates"));
    rate(doc, "summary.replyRate", words.rate(f.replyRate()));
    rate(doc, "summary.onTimeRate", words.rate(f.onTimeRate()));
    rate(doc, "summary.meetingRate", words.rate(f.meetingRate()));
    rate(doc, "summary.firstSatisfactionRate", words.rate(f.firstSatisfactionRate()));
    rate(doc, "summary.satisfactionRate", words.rate(f.satisfactionRate()));
    heading(doc, words.text("summary.section.commitments"));
    SummaryCommitments c = f.commitments();
    doc.body(
        words.text(
            "summary.doc.commitments",
            c.made(),
            c.keptOnTime(),
            c.keptLate(),
            c.open(),
            c.overdue(),
            words.rate(c.keptRate())),
        Align.BOTH,
        true);
    heading(doc, words.text("summary.section.departments"));
    for (DepartmentFigures d : f.byDepartment()) {
      doc.body(
          words.text(
              "summary.doc.department",
              d.name(),
              d.assigned(),
              d.replied(),
              words.rate(d.onTime()),
              words.rate(d.resultRatings().rate()),
              d.commitments().made()),
          Align.BOTH,
          true);
    }
    heading(doc, words.text("summary.section.keyItems"));
    if (f.keyItems().isEmpty()) {
      doc.body(words.text("summary.none"), Align.BOTH, true);
    }
    for (KeyItem k : f.keyItems()) {
      doc.body(
          words.text(
              "summary.doc.keyItem", k.number(), k.title(), String.join("、", k.departments())),
          Align.BOTH,
          true);
    }
    doc.blank();
    doc.body(
        words.text(
            "summary.doc.dates",
            DAY.format(s.getGeneratedAt().atZone(zone)),
            s.getPublishedAt() == null
                ? words.text("summary.state.DRAFT")
                : DAY.format(s.getPublishedAt().atZone(zone))),
        Align.RIGHT,
        false);
    return doc.bytes();
  }

  private static void heading(DocxDocument doc, String text) {
    doc.add(
        new Paragraph(text, DocxDocument.HEAD_FONT, 16, false, null, Align.LEFT, true, false, 0));
  }

  private void rate(DocxDocument doc, String key, String value) {
    doc.body(words.text("summary.doc.rate", words.text(key), value), Align.BOTH, true);
  }
}
