package org.civicflow.portal.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.civicflow.portal.letter.PdfPageCursor.Align;
import org.springframework.stereotype.Component;

/**
 * Writes a reply letter as PDF in the layout of a Chinese official letter (GB/T 9704 in spirit):
 * the department's name as the red header over a red double rule, the document number, the title,
 * the addressee, the signed text, the department and the date of signing, the contact line, the
 * copy line between two rules, page numbers. The same letter gives the same bytes (the document id
 * and dates come from the letter, not from the clock).
 */
@Component
class PdfLetterWriter {

  static final float BODY = 16;
  static final float LINE = 29;
  private static final float[] RED = {0.75f, 0f, 0f};

  private final LetterFonts fonts;

  PdfLetterWriter(LetterFonts fonts) {
    this.fonts = fonts;
  }

  /**
   * @param documentNumber the letter's 发文字号
   * @param footer what is written under the copy line (the verification address), or {@code null}
   */
  byte[] write(LetterContent c, String documentNumber, LetterFooter footer) {
    try (LetterFonts.Lease font = fonts.lease();
        PDDocument doc = new PDDocument()) {
      PDFont body = font.regular(doc);
      PDFont bold = font.bold(doc);
      try (PdfPageCursor page = new PdfPageCursor(doc)) {
        page.line(c.category(), body, 14, 20, Align.LEFT, 0);
        header(page, bold, c.departmentName());
        page.line(documentNumber, body, BODY, LINE, Align.RIGHT, 0);
        page.skip(LINE / 2);
        page.paragraph(c.title(), bold, 20, 34, Align.CENTER, 0);
        page.skip(LINE / 2);
        page.paragraph(c.salutation(), body, BODY, LINE, Align.LEFT, 0);
        for (String p : c.paragraphs()) {
          page.paragraph(p, body, BODY, LINE, Align.LEFT, 2);
        }
        page.skip(LINE);
        page.line(c.departmentName(), body, BODY, LINE, Align.RIGHT, 2 * BODY);
        page.line(c.date(), body, BODY, LINE, Align.RIGHT, 2 * BODY);
        page.skip(LINE / 2);
        page.paragraph(c.contact(), body, BODY, LINE, Align.LEFT, 0);
        page.room(LINE * 2);
        page.skip(LINE / 3);
        rule(page.stream(), page.y(), 0.75f, null);
        page.paragraph(c.copies(), body, 14, 24, Align.LEFT, 0);
        rule(page.stream(), page.y() - 4, 0.75f, null);
        if (footer != null) {
          footer.draw(doc, page, body);
        }
      }
      pageNumbers(doc, body);
      info(doc, c, documentNumber);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The department's name in red, as large as fits, over a thick and a thin red rule. */
  private static void header(PdfPageCursor page, PDFont bold, String name) throws IOException {
    String text = PdfPageCursor.clean(name, bold);
    float size = 30;
    float w = page.width(text, bold, size);
    if (w > PdfPageCursor.WIDTH) {
      size = size * PdfPageCursor.WIDTH / w;
    }
    page.skip(6);
    page.stream().setNonStrokingColor(RED[0], RED[1], RED[2]);
    page.line(text, bold, size, size * 1.6f, Align.CENTER, 0);
    page.stream().setNonStrokingColor(0f, 0f, 0f);
    page.skip(8);
    rule(page.stream(), page.y(), 2f, RED);
    rule(page.stream(), page.y() - 3.5f, 0.6f, RED);
  }

  private static void rule(PDPageContentStream s, float y, float width, float[] color)
      throws IOException {
    if (color != null) {
      s.setStrokingColor(color[0], color[1], color[2]);
    }
    s.setLineWidth(width);
    s.moveTo(PdfPageCursor.LEFT, y);
    s.lineTo(PdfPageCursor.RIGHT, y);
    s.stroke();
    s.setStrokingColor(0f, 0f, 0f);
  }

  /** "— 1 —" centred under each page's text. */
  private static void pageNumbers(PDDocument doc, PDFont font) throws IOException {
    int n = 0;
    for (PDPage p : doc.getPages()) {
      n++;
      String label = "— " + n + " —";
      float w = font.getStringWidth(label) * 14 / 1000;
      try (PDPageContentStream s = new PDPageContentStream(doc, p, AppendMode.APPEND, true)) {
        s.beginText();
        s.setFont(font, 14);
        s.newLineAtOffset((PdfPageCursor.A4.getWidth() - w) / 2, PdfPageCursor.BOTTOM - 30);
        s.showText(label);
        s.endText();
      }
    }
  }

  private static void info(PDDocument doc, LetterContent c, String documentNumber) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(c.title());
    info.setAuthor(c.departmentName());
    info.setSubject(documentNumber);
    info.setCreator("CivicFlow");
    info.setProducer("CivicFlow");
    Calendar signed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    signed.setTimeInMillis(c.signedAt().toEpochMilli());
    info.setCreationDate(signed);
    info.setModificationDate(signed);
    // the file identifier comes from the letter, so that the same letter gives the same bytes
    doc.setDocumentId(c.publicationId() * 1_000_003L + c.signedAt().getEpochSecond());
  }
}
