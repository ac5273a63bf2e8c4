package org.civicflow.portal.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small WordprocessingML (docx) writer for letters: paragraphs of text with the few formats an
 * official letter uses (font, size, colour, bold, alignment, first-line indent, a rule). Fonts are
 * named, not embedded; Word and WPS substitute what the machine lacks. Also used for the handling
 * summary's document.
 */
public final class DocxDocument {

  /** Fonts of Chinese official documents (GB/T 9704): title, body, heading. */
  public static final String TITLE_FONT = "方正小标宋简体";

  public static final String BODY_FONT = "仿宋_GB2312";
  public static final String HEAD_FONT = "黑体";

  public enum Align {
    LEFT,
    CENTER,
    RIGHT,
    BOTH
  }

  /** One paragraph. Sizes in points. */
  public record Paragraph(
      String text,
      String font,
      double size,
      boolean bold,
      String color,
      Align align,
      boolean indent,
      boolean ruleBelow,
      int spaceAfter) {}

  private final List<Paragraph> paragraphs = new ArrayList<>();

  public DocxDocument add(Paragraph p) {
    paragraphs.add(p);
    return this;
  }

  public DocxDocument body(String text, Align align, boolean indent) {
    return add(new Paragraph(text, BODY_FONT, 16, false, null, align, indent, false, 0));
  }

  public DocxDocument blank() {
    return body("", Align.LEFT, false);
  }

  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      entry(zip, "[Content_Types].xml", CONTENT_TYPES);
      entry(zip, "_rels/.rels", RELS);
      entry(zip, "word/_rels/document.xml.rels", DOCUMENT_RELS);
      entry(zip, "word/styles.xml", STYLES);
      entry(zip, "word/document.xml", document());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  String document() {
    StringBuilder xml = new StringBuilder(4096);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
        .append(
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">")
        .append("<w:body>");
    for (Paragraph p : paragraphs) {
      paragraph(xml, p);
    }
    // A4, margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips
    xml.append("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>")
        .append("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\"")
        .append(" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>")
        .append("</w:body></w:document>");
    return xml.toString();
  }

  private static void paragraph(StringBuilder xml, Paragraph p) {
    xml.append("<w:p><w:pPr>");
    if (p.ruleBelow()) {
      xml.append("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"4\" w:color=\"")
          .append(p.color() == null ? "000000" : p.color())
          .append("\"/></w:pBdr>");
    }
    xml.append("<w:spacing w:after=\"")
        .append(p.spaceAfter() * 20)
        .append("\" w:line=\"560\" w:lineRule=\"exact\"/>");
    if (p.indent()) {
      xml.append("<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
    }
    xml.append("<w:jc w:val=\"").append(align(p.align())).append("\"/></w:pPr>");
    if (!p.text().isEmpty()) {
      int halfPoints = (int) Math.round(p.size() * 2);
      xml.append("<w:r><w:rPr><w:rFonts w:ascii=\"")
          .append(escape(p.font()))
          .append("\" w:hAnsi=\"")
          .append(escape(p.font()))
          .append("\" w:eastAsia=\"")
          .append(escape(p.font()))
          .append("\"/>");
      if (p.bold()) {
        xml.append("<w:b/>");
      }
      if (p.color() != null) {
        xml.append("<w:color w:val=\"").append(p.color()).append("\"/>");
      }
      xml.append("<w:sz w:val=\"")
          .append(halfPoints)
          .append("\"/><w:szCs w:val=\"")
          .append(halfPoints)
          .append("\"/></w:rPr><w:t xml:space=\"preserve\">")
          .append(escape(p.text()))
          .append("</w:t></w:r>");
    }
    xml.append("</w:p>");
  }

  private static String align(Align a) {
    return switch (a) {
      case LEFT -> "left";
      case CENTER -> "center";
      case RIGHT -> "right";
      case BOTH -> "both";
    };
  }

  /** XML text: escaped, and without the control characters XML 1.0 cannot carry. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static final String CONTENT_TYPES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
          + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
          + "</Types>";

  private static final String RELS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
          + "</Relationships>";

  private static final String DOCUMENT_RELS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
          + "</Relationships>";

  private static final String STYLES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
          + "<w:docDefaults><w:rPrDefault><w:rPr>"
          + "<w:rFonts w:ascii=\""
          + BODY_FONT
          + "\" w:hAnsi=\""
          + BODY_FONT
          + "\" w:eastAsia=\""
          + BODY_FONT
          + "\"/>"
          + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\"/>"
          + "</w:rPr></w:rPrDefault></w:docDefaults>"
          + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
          + "</w:styles>";
}
