package org.civicflow.portal.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The font of the PDF letters, Noto Serif SC (SIL Open Font License 1.1), which the build copies
 * from its npm package into {@code letters/fonts/} (see {@code copy-assets.mjs}). Each letter
 * embeds the subset of glyphs it uses, so it reads the same on a machine without Chinese fonts; a
 * font of the machine the letter is made on is never used.
 *
 * <p>Parsing a 14 MB font takes longer than the rest of a letter, so parsed fonts are kept in a
 * small pool, one letter at a time each (a parsed font is not safe for two letters at once): {@link
 * #lease()} them for a letter and close the lease once the letter is saved.
 */
@Component
class LetterFonts {

  static final String REGULAR = "letters/fonts/NotoSerifSC-Regular.ttf";
  static final String BOLD = "letters/fonts/NotoSerifSC-Bold.ttf";

  /** The two fonts of one letter, back to the pool on close. */
  final class Lease implements AutoCloseable {
    private final TrueTypeFont regular;
    private final TrueTypeFont bold;

    private Lease(TrueTypeFont regular, TrueTypeFont bold) {
      this.regular = regular;
      this.bold = bold;
    }

    PDType0Font regular(PDDocument doc) throws IOException {
      return PDType0Font.load(doc, regular, true);
    }

    PDType0Font bold(PDDocument doc) throws IOException {
      return PDType0Font.load(doc, bold, true);
    }

    @Override
    public void close() {
      pool.offer(this);
    }
  }

  private final BlockingQueue<Lease> pool =
      new ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors()));
  private volatile byte[] regularBytes;
  private volatile byte[] boldBytes;

  /** Parsed fonts for one letter: from the pool, or parsed now when all are in use. */
  Lease lease() throws IOException {
    Lease free = pool.poll();
    if (free != null) {
      return free;
    }
    if (regularBytes == null || boldBytes == null) {
      regularBytes = read(REGULAR);
      boldBytes = read(BOLD);
    }
    return new Lease(parse(regularBytes), parse(boldBytes));
  }

  private static TrueTypeFont parse(byte[] bytes) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
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
