package org.civicflow.portal.letter;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The way back from paper to the record: a QR code of the letter's verification address, drawn as
 * vector squares (sharp at any print size), with the address and the code beside it.
 *
 * @param url the verification address, e.g. https://city.example/verify/ABCDEFGH23
 * @param lines the text beside the code
 */
record VerificationFooter(String url, String... lines) implements LetterFooter {

  static final float SIZE = 24 * PdfPageCursor.MM;

  @Override
  public void draw(PDDocument doc, PdfPageCursor page, PDFont font) throws IOException {
    page.room(SIZE + 12);
    page.skip(10);
    float top = page.y();
    ByteMatrix m = matrix(url);
    float module = SIZE / (m.getWidth() + 2);
    float x0 = PdfPageCursor.LEFT + module;
    float y0 = top - module;
    PDPageContentStream s = page.stream();
    s.setNonStrokingColor(0f, 0f, 0f);
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y) == 1) {
          s.addRect(x0 + x * module, y0 - (y + 1) * module, module, module);
        }
      }
    }
    s.fill();
    float textX = PdfPageCursor.LEFT + SIZE + 8;
    float y = top - 16;
    for (String line : lines) {
      s.beginText();
      s.setFont(font, 10.5f);
      s.newLineAtOffset(textX, y);
      s.showText(PdfPageCursor.clean(line, font));
      s.endText();
      y -= 16;
    }
    page.skip(SIZE);
  }

  static ByteMatrix matrix(String url) {
    try {
      return Encoder.encode(
              url, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
          .getMatrix();
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode " + url + " as a QR code", e);
    }
  }
}
