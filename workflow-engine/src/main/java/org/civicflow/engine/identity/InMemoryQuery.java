package org.civicflow.engine.identity;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.Page;

/**
 * What Camunda's user and group queries share when we answer them in memory from our identity (few
 * enough rows to filter there): the criteria as predicates, and the page of the result.
 */
final class InMemoryQuery {

  private InMemoryQuery() {}

  /** The page of the matching rows the engine asked for (all of them without one). */
  static <T> List<T> page(List<T> matching, Page page) {
    if (page == null) {
      return matching;
    }
    return matching.stream().skip(page.getFirstResult()).limit(page.getMaxResults()).toList();
  }

  /** Rows whose field equals the criterion, or every row when the query does not set it. */
  static <T> Predicate<T> eq(String expected, Function<T, String> field) {
    return t -> expected == null || expected.equals(field.apply(t));
  }

  /** Rows whose id is one of the criterion's, or every row when the query does not set it. */
  static <T> Predicate<T> in(String[] ids, Function<T, String> id) {
    return t -> ids == null || Arrays.asList(ids).contains(id.apply(t));
  }

  /** Camunda's LIKE patterns use % as wildcard. */
  static <T> Predicate<T> like(String pattern, Function<T, String> field) {
    if (pattern == null) {
      return t -> true;
    }
    String regex =
        Arrays.stream(pattern.split("%", -1))
            .map(Pattern::quote)
            .reduce((a, b) -> a + ".*" + b)
            .orElse("");
    return t -> field.apply(t) != null && field.apply(t).matches(regex);
  }
}
