package org.civicflow.domain.publication;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The search keys of public replies: every pair of neighbouring Han characters (a bigram) and every
 * Latin word or number, each prefixed with {@value #PREFIX} so that full-text indexes that ignore
 * short tokens keep them. A two-character word inside a sentence is one bigram, so it is found; a
 * longer phrase is found through all of its bigrams.
 */
public final class SearchTokens {

  static final String PREFIX = "z";

  private SearchTokens() {}

  /** The distinct tokens of a text, space-separated, for storing. */
  public static String of(String... texts) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String t : texts) {
      collect(t, tokens);
    }
    return String.join(" ", tokens);
  }

  /** The tokens of a query; empty when it has nothing searchable. */
  public static Set<String> query(String query) {
    Set<String> tokens = new LinkedHashSet<>();
    collect(query, tokens);
    return tokens;
  }

  private static void collect(String text, Set<String> out) {
    if (text == null) {
      return;
    }
    int i = 0;
    int previousHan = -1;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (isHan(cp)) {
        if (previousHan >= 0) {
          out.add(
              PREFIX
                  + new String(Character.toChars(previousHan))
                  + new String(Character.toChars(cp)));
        }
        previousHan = cp;
        i += len;
      } else if (Character.isLetterOrDigit(cp)) {
        previousHan = -1;
        int start = i;
        while (i < text.length()
            && Character.isLetterOrDigit(text.codePointAt(i))
            && !isHan(text.codePointAt(i))) {
          i += Character.charCount(text.codePointAt(i));
        }
        String word = text.substring(start, i).toLowerCase(Locale.ROOT);
        if (word.length() <= 60) {
          out.add(PREFIX + word);
        }
      } else {
        previousHan = -1;
        i += len;
      }
    }
  }

  /** Whether a query is a single Han character, which no bigram can find. */
  public static boolean isSingleHan(String query) {
    String q = query == null ? "" : query.strip();
    return q.codePointCount(0, q.length()) == 1 && isHan(q.codePointAt(0));
  }

  static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
