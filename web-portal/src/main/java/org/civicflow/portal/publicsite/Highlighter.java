package org.civicflow.portal.publicsite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks the searched words in a text, as segments for the template (never as markup, so a text can
 * never inject any); and cuts a snippet around the first match.
 */
public final class Highlighter {

  static final int SNIPPET_RADIUS = 60;

  /** A piece of text, marked when it matched. */
  public record Segment(String text, boolean marked) {}

  private Highlighter() {}

  static List<Segment> mark(String text, List<String> terms) {
    List<Segment> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < text.length()) {
      int best = -1;
      int bestLen = 0;
      for (String term : terms) {
        int at = lower.indexOf(term, i);
        if (at >= 0 && (best < 0 || at < best || (at == best && term.length() > bestLen))) {
          best = at;
          bestLen = term.length();
        }
      }
      if (best < 0) {
        out.add(new Segment(text.substring(i), false));
        break;
      }
      if (best > i) {
        out.add(new Segment(text.substring(i, best), false));
      }
      out.add(new Segment(text.substring(best, best + bestLen), true));
      i = best + bestLen;
    }
    return out;
  }

  /** A short piece of the text around the first match (or its beginning). */
  static String snippet(String text, List<String> terms) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    String lower = flat.toLowerCase(Locale.ROOT);
    int first = terms.stream().mapToInt(lower::indexOf).filter(x -> x >= 0).min().orElse(0);
    int start = Math.max(0, first - SNIPPET_RADIUS);
    int end = Math.min(flat.length(), first + SNIPPET_RADIUS * 2);
    return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
  }

  /** The terms to mark: the whole query, and each of its space-separated words. */
  static List<String> terms(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    List<String> terms = new ArrayList<>();
    String q = query.strip().toLowerCase(Locale.ROOT);
    terms.add(q);
    for (String part : q.split("\\s+")) {
      if (!part.isBlank() && !terms.contains(part)) {
        terms.add(part);
      }
    }
    return terms;
  }
}
