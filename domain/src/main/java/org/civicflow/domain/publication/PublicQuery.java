package org.civicflow.domain.publication;

import java.util.ArrayList;
import java.util.List;

/**
 * A search of the public list: all filters optional; {@code q} is full text.
 *
 * @param tokens the search keys of {@code q} (see {@link SearchTokens}); empty without text
 */
public record PublicQuery(
    String q,
    String session,
    String department,
    Integer year,
    String category,
    int page,
    int size,
    List<String> tokens) {

  public static final int MAX_SIZE = 100;

  public PublicQuery {
    q = q == null || q.isBlank() ? null : q.strip();
    page = Math.max(page, 0);
    size = size <= 0 ? 15 : Math.min(size, MAX_SIZE);
    tokens = q == null ? List.of() : new ArrayList<>(SearchTokens.query(q));
  }

  public static PublicQuery of(
      String q,
      String session,
      String department,
      Integer year,
      String category,
      int page,
      int size) {
    return new PublicQuery(q, session, department, year, category, page, size, null);
  }

  public long offset() {
    return (long) page * size;
  }

  /** Whether the text needs the exact-phrase check (a bigram alone is already a phrase). */
  public boolean phraseCheck() {
    return q != null && (tokens.size() > 1 || tokens.isEmpty());
  }

  /** The boolean-mode full-text expression: every token required. */
  public String booleanExpression() {
    return String.join(" ", tokens.stream().map(t -> "+" + t).toList());
  }

  /** The text as a LIKE pattern, wildcards escaped. */
  public String likePattern() {
    return q == null
        ? null
        : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
