package org.civicflow.domain.resultcategory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configuration of the result categories as read at one moment: every category of every set,
 * the switches of the set in use (oldest first), and that moment. Labels for a page are taken from
 * one snapshot, so a page reads the configuration once.
 */
public record CategorySnapshot(
    List<ResultCategory> all, List<CategorySwitch> switches, Instant now) {

  public CategorySnapshot {
    all = List.copyOf(all);
    switches = List.copyOf(switches);
  }

  /** The set in use at {@link #now()}. */
  public CategoryScheme active() {
    return inForceAt(now);
  }

  /** The set that was in use at {@code at}: that of the latest switch before it, else A/B/C. */
  public CategoryScheme inForceAt(Instant at) {
    String name = CategoryScheme.DEFAULT;
    for (CategorySwitch s : switches) {
      if (!s.switchedAt().isAfter(at)) {
        name = s.set();
      }
    }
    return scheme(name);
  }

  /** Every set, by name in order of their first category. */
  public List<CategoryScheme> schemes() {
    return all.stream().map(ResultCategory::set).distinct().map(this::scheme).toList();
  }

  public CategoryScheme scheme(String name) {
    return new CategoryScheme(name, all.stream().filter(c -> c.set().equals(name)).toList());
  }

  public Optional<ResultCategory> find(String set, String code) {
    return all.stream().filter(c -> c.set().equals(set) && c.code().equals(code)).findFirst();
  }

  /**
   * The category a stored code means now: the one of the set in use, else (a code no longer in use)
   * the one of the latest set that was in use and defines it, else of any set defining it.
   */
  public Optional<ResultCategory> meaning(String code) {
    if (code == null) {
      return Optional.empty();
    }
    Optional<ResultCategory> now = active().find(code);
    if (now.isPresent()) {
      return now;
    }
    for (int i = switches.size() - 1; i >= 0; i--) {
      Optional<ResultCategory> c = find(switches.get(i).set(), code);
      if (c.isPresent()) {
        return c;
      }
    }
    return find(CategoryScheme.DEFAULT, code)
        .or(
            () ->
                all.stream()
                    .filter(c -> c.code().equals(code))
                    .max(Comparator.comparing(ResultCategory::set)));
  }

  /** The category {@code code} meant at {@code at} (a reply's signing), else its meaning now. */
  public Optional<ResultCategory> meaningAt(String code, Instant at) {
    if (code != null && at != null) {
      Optional<ResultCategory> then = inForceAt(at).find(code);
      if (then.isPresent()) {
        return then;
      }
    }
    return meaning(code);
  }

  /**
   * The category {@code code} meant in {@code set}, the set in use when a reply was signed; where
   * the set is unknown (a reply signed before sets were recorded with it) or does not define the
   * code, the category it meant at {@code at}.
   */
  public Optional<ResultCategory> meaningIn(String code, String set, Instant at) {
    if (code != null && set != null) {
      Optional<ResultCategory> signed = find(set, code);
      if (signed.isPresent()) {
        return signed;
      }
    }
    return meaningAt(code, at);
  }

  /** The code with its label in {@code set} (else of {@code at}, see {@link #meaningIn}). */
  public String display(String code, String set, Instant at, Locale locale) {
    return meaningIn(code, set, at).map(c -> c.display(locale)).orElse(code);
  }

  /** "C类 因条件限制留作参考": the code with its label of {@code at} (now if null); else the code. */
  public String display(String code, Instant at, Locale locale) {
    return meaningAt(code, at).map(c -> c.display(locale)).orElse(code);
  }
}
