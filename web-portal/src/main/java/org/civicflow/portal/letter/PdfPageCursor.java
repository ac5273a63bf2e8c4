package org.civicflow.portal.letter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes lines of text down A4 pages with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left
 * 28 mm, right 26 mm), starting a page when one is full. Chinese text wraps at any character;
 * closing punctuation never starts a line.
 */
final class PdfPageCursor implements AutoCloseable {

  static final float MM = 72f / 25.4f;
  static final PDRectangle A4 = PDRectangle.A4;
  static final float LEFT = 28 * MM;
  static final float RIGHT = A4.getWidth() - 26 * MM;
  static final float TOP = A4.getHeight() - 37 * MM;
  static final float BOTTOM = 35 * MM;
  static final float WIDTH = RIGHT - LEFT;

  /** Closing punctuation: kept at the end of the line before rather than starting one. */
  private static final String NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)]%";

  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  private final PDDocument doc;
  private final List<PDPage> pages = new ArrayList<>();
  private final Map<PDFont, Map<Integer, Float>> widths = new HashMap<>();
  private PDPageContentStream out;
  private float y;

  PdfPageCursor(PDDocument doc) throws IOException {
    this.doc = doc;
    newPage();
  }

  List<PDPage> pages() {
    return pages;
  }

  float y() {
    return y;
  }

  PDPageContentStream stream() {
    return out;
  }

  void skip(float height) throws IOException {
    room(height);
    y -= height;
  }

  /** Makes sure {@code height} fits on this page, else starts the next one. */
  void room(float height) throws IOException {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  /** A paragraph wrapped to the text width, {@code indentChars} em indent on its first line. */
  void paragraph(
      String text, PDFont font, float size, float lineHeight, Align align, int indentChars)
      throws IOException {
    float indent = indentChars * size;
    String rest = clean(text, font);
    boolean first = true;
    do {
      float room = WIDTH - (first ? indent : 0);
      int end = fit(rest, font, size, room);
      line(rest.substring(0, end), font, size, lineHeight, align, first ? indent : 0);
      rest = rest.substring(end);
      first = false;
    } while (!rest.isEmpty());
  }

  /** One line (not wrapped). */
  void line(String text, PDFont font, float size, float lineHeight, Align align, float indent)
      throws IOException {
    room(lineHeight);
    y -= lineHeight;
    float w = width(text, font, size);
    float x =
        switch (align) {
          case LEFT -> LEFT + indent;
          case CENTER -> LEFT + (WIDTH - w) / 2;
          case RIGHT -> RIGHT - w - indent;
        };
    if (!text.isEmpty()) {
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(x, y + (lineHeight - size) / 2);
      out.showText(text);
      out.endText();
    }
  }

  /** How many chars of {@code text} fit in {@code room}, at least one code point. */
  int fit(String text, PDFont font, float size, float room) throws IOException {
    float used = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      float w = charWidth(cp, font) * size / 1000;
      if (used + w > room && i > 0) {
        if (NO_LINE_START.indexOf(cp) >= 0) {
          i += Character.charCount(cp);
        }
        return i;
      }
      used += w;
      i += Character.charCount(cp);
    }
    return i;
  }

  float width(String text, PDFont font, float size) throws IOException {
    float w = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      w += charWidth(text.codePointAt(i), font);
    }
    return w * size / 1000;
  }

  private float charWidth(int cp, PDFont font) throws IOException {
    Map<Integer, Float> known = widths.computeIfAbsent(font, f -> new HashMap<>());
    Float w = known.get(cp);
    if (w == null) {
      w = font.getStringWidth(new String(Character.toChars(cp)));
      known.put(cp, w);
    }
    return w;
  }

  /** The text without control characters, a character the font lacks shown as a white square. */
  static String clean(String text, PDFont font) {
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                return;
              }
              String c = new String(Character.toChars(cp));
              try {
                font.encode(c);
                s.append(c);
              } catch (IllegalArgumentException | IOException noGlyph) {
                s.append('□');
              }
            });
    return s.toString();
  }

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(A4);
    doc.addPage(page);
    pages.add(page);
    out = new PDPageContentStream(doc, page);
    y = TOP;
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }
}
