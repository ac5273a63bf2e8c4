package org.civicflow.domain.reply;

/**
 * Reply texts are plain text with paragraphs (blank lines) and numbered points (one per line),
 * never markup: pages escape them and keep the line structure. Normalising on the server removes
 * what a paste from a word processor or a hostile client may carry: control characters, odd line
 * endings, zero-width and direction-override characters, runs of blank lines.
 */
public final class ReplyText {

  private ReplyText() {}

  public static String normalize(String text) {
    if (text == null) {
      return null;
    }
    String t = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(t.length());
    t.codePoints()
        .filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp))
        .filter(
            cp ->
                !(cp >= 0x200B && cp <= 0x200F)
                    && !(cp >= 0x202A && cp <= 0x202E)
                    && !(cp >= 0x2066 && cp <= 0x2069)
                    && cp != 0xFEFF)
        .forEach(out::appendCodePoint);
    return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }
}
