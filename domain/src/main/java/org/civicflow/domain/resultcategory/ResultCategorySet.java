package org.civicflow.domain.resultcategory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The result categories as the city defines them: the set in use (A/B/C by default, A/B/C/D ready
 * to switch on), their labels and which ones require commitments. Read from the database each time
 * (a few rows), never cached, so a change made on one node holds on every node at once; each change
 * is in the audit log. A reply keeps the code it was signed with; it is labelled by the set that
 * was in use then ({@link #inForceAt}), and a code no longer in use keeps its label.
 */
@Service
public class ResultCategorySet {

  static final int MAX_LABEL = 60;
  static final int MAX_DESCRIPTION = 500;

  private final ResultCategoryMapper categories;
  private final AuditLog audit;
  private final Clock clock;

  ResultCategorySet(ResultCategoryMapper categories, AuditLog audit, Clock clock) {
    this.categories = categories;
    this.audit = audit;
    this.clock = clock;
  }

  /** The configuration now, read once (every set, the switches); see {@link CategorySnapshot}. */
  @Transactional(readOnly = true)
  public CategorySnapshot snapshot() {
    return new CategorySnapshot(categories.all(), categories.switches(), clock.instant());
  }

  /** The set in use now: what drafting and the registrar's decision accept. */
  @Transactional(readOnly = true)
  public CategoryScheme active() {
    return snapshot().active();
  }

  /** The set that was in use at {@code at} (the default A/B/C before any switch). */
  @Transactional(readOnly = true)
  public CategoryScheme inForceAt(Instant at) {
    return snapshot().inForceAt(at);
  }

  /** Every set that can be switched on, by name, with their categories. */
  @Transactional(readOnly = true)
  public List<CategoryScheme> schemes() {
    return snapshot().schemes();
  }

  /** The switches of the set in use, oldest first. */
  @Transactional(readOnly = true)
  public List<CategorySwitch> switches() {
    return categories.switches();
  }

  /** See {@link CategorySnapshot#meaning}. */
  @Transactional(readOnly = true)
  public Optional<ResultCategory> meaning(String code) {
    return snapshot().meaning(code);
  }

  /** See {@link CategorySnapshot#meaningAt}. */
  @Transactional(readOnly = true)
  public Optional<ResultCategory> meaningAt(String code, Instant at) {
    return snapshot().meaningAt(code, at);
  }

  /**
   * The active category of {@code code}.
   *
   * @throws ValidationException naming {@code field} for a missing, unknown or retired code
   */
  @Transactional(readOnly = true)
  public ResultCategory requireActive(String field, String code) {
    if (code == null || code.isBlank()) {
      throw ValidationException.of(field, "validation.required");
    }
    return active()
        .find(code.strip())
        .orElseThrow(() -> ValidationException.of(field, "validation.category.inactive"));
  }

  /**
   * Puts {@code set} in use from now on. Switching to the set already in use changes nothing;
   * audited as {@code resultCategory.switch} "ABC → ABCD".
   *
   * @throws ValidationException naming {@code set} for a set that does not exist
   */
  @Transactional
  public CategoryScheme switchTo(String set, String actor) {
    String name = set == null ? "" : set.strip();
    if (name.isEmpty()) {
      throw ValidationException.of("set", "validation.required");
    }
    List<ResultCategory> rows = categories.ofSet(name);
    if (rows.isEmpty()) {
      throw ValidationException.of("set", "validation.choice");
    }
    CategoryScheme before = active();
    if (before.name().equals(name)) {
      return before;
    }
    categories.insertSwitch(new CategorySwitch(null, name, clock.instant(), actor));
    audit.record(
        actor,
        "resultCategory.switch",
        "setting",
        "resultCategories",
        before.name() + " → " + name);
    return new CategoryScheme(name, rows);
  }

  /**
   * Edits the labels, descriptions and commitment rule of one category of a set (replies keep their
   * code; the new label shows wherever the category is shown). Audited as {@code
   * resultCategory.edit} with the values before and after.
   */
  @Transactional
  public ResultCategory edit(ResultCategory next, String actor) {
    ResultCategory before =
        find(next.set(), next.code())
            .orElseThrow(
                () -> new NotFoundException("resultCategory", next.set() + "/" + next.code()));
    new FieldErrors()
        .required("labelZh", blankToNull(next.labelZh()))
        .maxLength("labelZh", next.labelZh(), MAX_LABEL)
        .required("labelEn", blankToNull(next.labelEn()))
        .maxLength("labelEn", next.labelEn(), MAX_LABEL)
        .maxLength("descriptionZh", next.descriptionZh(), MAX_DESCRIPTION)
        .maxLength("descriptionEn", next.descriptionEn(), MAX_DESCRIPTION)
        .throwIfAny();
    ResultCategory clean =
        new ResultCategory(
            before.set(),
            before.code(),
            next.labelZh().strip(),
            next.labelEn().strip(),
            blankToNull(next.descriptionZh()),
            blankToNull(next.descriptionEn()),
            before.sortOrder(),
            next.requiresCommitments(),
            clock.instant(),
            actor);
    categories.update(clean);
    audit.record(
        actor,
        "resultCategory.edit",
        "resultCategory",
        before.set() + "/" + before.code(),
        describe(before) + " → " + describe(clean));
    return clean;
  }

  /** The category {@code code} of {@code set}, if both exist. */
  @Transactional(readOnly = true)
  public Optional<ResultCategory> find(String set, String code) {
    return categories.ofSet(set).stream().filter(c -> c.code().equals(code)).findFirst();
  }

  private static String describe(ResultCategory c) {
    return c.labelZh() + " / " + c.labelEn() + (c.requiresCommitments() ? " (commitments)" : "");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The label of {@code code} for people in {@code locale}, the code itself when unknown. */
  @Transactional(readOnly = true)
  public String display(String code, Instant at, Locale locale) {
    return snapshot().display(code, at, locale);
  }

  /** The code with its label in the set a reply was signed under (see {@link CategorySnapshot}). */
  @Transactional(readOnly = true)
  public String display(String code, String set, Instant at, Locale locale) {
    return snapshot().display(code, set, at, locale);
  }
}
