package org.civicflow.domain.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of the public search: every Han character, every pair of neighbouring Han characters (a
 * bigram) and every Latin word or number. A two-character word inside a sentence is one bigram, so
 * it is found; a longer phrase is found through all of its bigrams and then confirmed.
 */
public final class SearchTokens {

  private SearchTokens() {}

  /**
   * The distinct tokens of texts: bigrams and Latin words, and (with {@code unigrams}) Han
   * characters.
   */
  public static Set<String> of(boolean unigrams, String... texts) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String t : texts) {
      collect(t, tokens, unigrams);
    }
    return tokens;
  }

  /** The tokens a query needs: its bigrams and words; a lone Han character stands for itself. */
  public static Set<String> query(String query) {
    Set<String> tokens = new LinkedHashSet<>();
    if (query == null) {
      return tokens;
    }
    for (String part : query.strip().split("\\s+")) {
      Set<String> partTokens = new LinkedHashSet<>();
      collect(part, partTokens, false);
      if (partTokens.isEmpty() && isSingleHan(part)) {
        partTokens.add(part);
      }
      tokens.addAll(partTokens);
    }
    return tokens;
  }

  private static void collect(String text, Set<String> out, boolean unigrams) {
    if (text == null) {
      return;
    }
    int i = 0;
    int previousHan = -1;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (isHan(cp)) {
        if (unigrams) {
          out.add(new String(Character.toChars(cp)));
        }
        if (previousHan >= 0) {
          out.add(new String(Character.toChars(previousHan)) + new String(Character.toChars(cp)));
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
          out.add(word);
        }
      } else {
        previousHan = -1;
        i += len;
      }
    }
  }

  /** Whether a text is a single Han character. */
  public static boolean isSingleHan(String query) {
    String q = query == null ? "" : query.strip();
    return q.codePointCount(0, q.length()) == 1 && isHan(q.codePointAt(0));
  }

  static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }
}
