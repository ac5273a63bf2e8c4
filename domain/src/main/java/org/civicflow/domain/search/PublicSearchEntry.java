package org.civicflow.domain.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the public search index ({@link PublicSearchIndex}) knows of a published reply: the texts
 * searched and the filter values. The publication side makes it from its signed record, so the
 * index does not depend on that record.
 *
 * @param suggestionText the proposal's text as shown on the public page
 * @param year the year the reply was published
 */
public record PublicSearchEntry(
    long publicationId,
    String title,
    String publicText,
    String suggestionText,
    String session,
    String department,
    Integer year,
    String category) {

  /** The keys of the reply: its body and title tokens and its filter values. */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (String token : SearchTokens.of(true, title, publicText, suggestionText)) {
      keys.add("b" + token);
    }
    for (String token : SearchTokens.of(true, title)) {
      keys.add("t" + token);
    }
    keys.addAll(facets(session, department, year, category));
    keys.add("f:all");
    return keys;
  }

  /** The filter keys of the given values; a missing value has none. */
  static List<String> facets(String session, String department, Integer year, String category) {
    List<String> keys = new ArrayList<>();
    if (session != null) {
      keys.add("f:sess:" + session);
    }
    if (department != null) {
      keys.add("f:dept:" + department);
    }
    if (year != null) {
      keys.add("f:year:" + year);
    }
    if (category != null) {
      keys.add("f:cat:" + category);
    }
    return keys;
  }
}
