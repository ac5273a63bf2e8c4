package org.civicflow.portal.publicsite;

import java.util.ArrayList;
import java.util.List;

/**
 * Marks the searched words in a text, as segments for the template (never as markup, so a text can
 * never inject any); and cuts a snippet around the first match.
 *
 * <p>Matching ignores case, but every position is one of the original text: a text lower-cased as a
 * whole may be longer than the original ({@code İ} becomes {@code i̇}, two chars), so positions in
 * such a copy are not positions in the text. Text and terms are instead folded one code point at a
 * time to one code point ({@link Folded}), with a map from each folded char back to the code point
 * it came from, and matches are cut from the original through that map.
 */
public final class Highlighter {

  static final int SNIPPET_RADIUS = 60;

  /** A piece of text, marked when it matched. */
  public record Segment(String text, boolean marked) {}

  private Highlighter() {}

  static List<Segment> mark(String text, List<String> terms) {
    List<Segment> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    Folded folded = Folded.of(text);
    boolean[] marked = new boolean[text.length()];
    for (String term : terms) {
      String t = Folded.of(term).text();
      if (t.isEmpty()) {
        continue;
      }
      // every occurrence, overlapping ones too: the union of all matches is marked
      for (int at = folded.text().indexOf(t); at >= 0; at = folded.text().indexOf(t, at + 1)) {
        int from = folded.start(at);
        int to = folded.end(at + t.length() - 1);
        java.util.Arrays.fill(marked, from, to, true);
      }
    }
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || marked[i] != marked[start]) {
        out.add(new Segment(text.substring(start, i), marked[start]));
        start = i;
      }
    }
    return out;
  }

  /** A short piece of the text around the first match (or its beginning). */
  static String snippet(String text, List<String> terms) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    Folded folded = Folded.of(flat);
    int first =
        terms.stream()
            .map(t -> Folded.of(t).text())
            .filter(t -> !t.isEmpty())
            .mapToInt(t -> folded.text().indexOf(t))
            .filter(x -> x >= 0)
            .map(folded::start)
            .min()
            .orElse(0);
    int start = codePointStart(flat, Math.max(0, first - SNIPPET_RADIUS));
    int end = codePointStart(flat, Math.min(flat.length(), first + SNIPPET_RADIUS * 2));
    return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
  }

  /** The index itself, or one back when it would split a surrogate pair. */
  private static int codePointStart(String s, int index) {
    return index > 0
            && index < s.length()
            && Character.isLowSurrogate(s.charAt(index))
            && Character.isHighSurrogate(s.charAt(index - 1))
        ? index - 1
        : index;
  }

  /** The terms to mark: the whole query, and each of its space-separated words. */
  static List<String> terms(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    List<String> terms = new ArrayList<>();
    String q = Folded.of(query.strip()).text();
    terms.add(q);
    for (String part : q.split("\\s+")) {
      if (!part.isBlank() && !terms.contains(part)) {
        terms.add(part);
      }
    }
    return terms;
  }

  /**
   * A text with each code point replaced by its lower case ({@link Character#toLowerCase(int)}: one
   * code point, so {@code İ} is {@code i} and {@code ẞ} is {@code ß}; ς is taken as σ, as a word's
   * last sigma is written either way) and, for each char of the result, where the code point it
   * came from starts and ends in the original.
   */
  record Folded(String text, int[] starts, int[] ends) {

    static Folded of(String original) {
      StringBuilder out = new StringBuilder(original.length() + 8);
      int[] starts = new int[original.length() + 8];
      int[] ends = new int[original.length() + 8];
      int i = 0;
      while (i < original.length()) {
        int cp = original.codePointAt(i);
        int next = i + Character.charCount(cp);
        int folded = Character.toLowerCase(cp);
        String lower = Character.toString(folded == 'ς' ? 'σ' : folded);
        if (out.length() + lower.length() > starts.length) {
          int grown = Math.max(starts.length * 2, out.length() + lower.length());
          starts = java.util.Arrays.copyOf(starts, grown);
          ends = java.util.Arrays.copyOf(ends, grown);
        }
        for (int k = 0; k < lower.length(); k++) {
          starts[out.length() + k] = i;
          ends[out.length() + k] = next;
        }
        out.append(lower);
        i = next;
      }
      return new Folded(out.toString(), starts, ends);
    }

    /** Where the code point of the folded char at {@code index} starts in the original. */
    int start(int index) {
      return starts[index];
    }

    /** Where the code point of the folded char at {@code index} ends in the original. */
    int end(int index) {
      return ends[index];
    }
  }
}
