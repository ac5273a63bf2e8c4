package org.civicflow.portal.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The font of the PDF letters, Noto Serif SC (SIL Open Font License 1.1), which the build copies
 * from its npm package into {@code letters/fonts/} (see {@code copy-assets.mjs}). Each letter
 * embeds the subset of glyphs it uses, so it reads the same on a machine without Chinese fonts; a
 * font of the machine the letter is made on is never used.
 */
@Component
class LetterFonts {

  static final String REGULAR = "letters/fonts/NotoSerifSC-Regular.ttf";
  static final String BOLD = "letters/fonts/NotoSerifSC-Bold.ttf";

  private volatile byte[] regular;
  private volatile byte[] bold;

  PDType0Font regular(PDDocument doc) throws IOException {
    if (regular == null) {
      regular = read(REGULAR);
    }
    return PDType0Font.load(doc, new RandomAccessReadBuffer(regular), true, false);
  }

  PDType0Font bold(PDDocument doc) throws IOException {
    if (bold == null) {
      bold = read(BOLD);
    }
    return PDType0Font.load(doc, new RandomAccessReadBuffer(bold), true, false);
  }

  private static byte[] read(String resource) {
    try (InputStream in = LetterFonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "The letter font "
                + resource
                + " is not on the class path: build web-portal without -Dnpm.skip once"
                + " (the front-end build copies it from its npm package).");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
