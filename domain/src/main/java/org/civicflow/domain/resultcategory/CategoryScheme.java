package org.civicflow.domain.resultcategory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A set of result categories (A/B/C, A/B/C/D), in their order. */
public record CategoryScheme(String name, List<ResultCategory> categories) {

  /** The set in use until an administrator switches: A/B/C. */
  public static final String DEFAULT = "ABC";

  public CategoryScheme {
    categories =
        categories.stream().sorted(Comparator.comparingInt(ResultCategory::sortOrder)).toList();
  }

  public List<String> codes() {
    return categories.stream().map(ResultCategory::code).toList();
  }

  /** The codes whose replies list their commitments. */
  public List<String> promising() {
    return categories.stream()
        .filter(ResultCategory::requiresCommitments)
        .map(ResultCategory::code)
        .toList();
  }

  public Optional<ResultCategory> find(String code) {
    return categories.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public boolean contains(String code) {
    return find(code).isPresent();
  }

  /** Whether a reply of {@code code} must list commitments ({@code false} for an unknown code). */
  public boolean requiresCommitments(String code) {
    return find(code).map(ResultCategory::requiresCommitments).orElse(false);
  }
}
