package org.civicflow.domain.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A search of the public list: all filters optional; {@code q} is full text (words separated by
 * spaces must all appear).
 *
 * @param tokens the search tokens of {@code q} (see {@link SearchTokens}); empty without text
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

  /** The largest page (the API contract: {@code size} at most 200). */
  public static final int MAX_SIZE = 200;

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

  /**
   * The parts of the text whose tokens alone do not prove they stand together (three or more Han
   * characters): the result is confirmed against the texts.
   */
  public List<String> phrases() {
    if (q == null) {
      return List.of();
    }
    return Arrays.stream(q.split("\\s+"))
        .filter(part -> SearchTokens.query(part).size() > 1)
        .toList();
  }
}
