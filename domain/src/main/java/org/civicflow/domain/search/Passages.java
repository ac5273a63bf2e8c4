package org.civicflow.domain.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The passages of a text that match a query: HTML-escaped text in which each match is wrapped in
 * {@code <em>…</em>}, about {@value #LENGTH} characters each, best first.
 */
public final class Passages {

  static final int LENGTH = 80;

  private static final UnifiedHighlighter HIGHLIGHTER =
      UnifiedHighlighter.builderWithoutSearcher(new SearchAnalyzer(false))
          .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "\u0001", true))
          .withBreakIterator(
              () ->
                  LengthGoalBreakIterator.createClosestToLength(
                      BreakIterator.getSentenceInstance(Locale.ROOT), LENGTH, 0.5f))
          .withMaxLength(200_000)
          .build();

  private Passages() {}

  /** Up to {@code max} passages of {@code text} matching {@code query} (its body-field terms). */
  static List<String> of(Query query, String text, int max) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      Object highlighted =
          HIGHLIGHTER.highlightWithoutSearcher(SearchDocuments.BODY, query, text, max);
      if (highlighted == null) {
        return List.of();
      }
      return Arrays.stream(highlighted.toString().split("\u0001"))
          .map(String::strip)
          .filter(s -> s.contains("<em>"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
