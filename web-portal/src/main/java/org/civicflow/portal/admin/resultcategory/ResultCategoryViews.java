package org.civicflow.portal.admin.resultcategory;

import java.time.Instant;
import java.util.List;
import org.civicflow.domain.resultcategory.CategoryScheme;
import org.civicflow.domain.resultcategory.CategorySwitch;
import org.civicflow.domain.resultcategory.ResultCategory;

/** The result categories as the API shows them. */
final class ResultCategoryViews {

  private ResultCategoryViews() {}

  /** One category; {@code active}: it belongs to the set in use. */
  record CategoryView(
      String code,
      String labelZh,
      String labelEn,
      String descriptionZh,
      String descriptionEn,
      int order,
      boolean requiresCommitments,
      boolean active,
      Instant updatedAt,
      String updatedBy) {

    static CategoryView of(ResultCategory c, boolean active) {
      return new CategoryView(
          c.code(),
          c.labelZh(),
          c.labelEn(),
          c.descriptionZh(),
          c.descriptionEn(),
          c.sortOrder(),
          c.requiresCommitments(),
          active,
          c.updatedAt(),
          c.updatedBy());
    }
  }

  /** A set of categories. */
  record SetView(String set, boolean active, List<CategoryView> categories) {

    static SetView of(CategoryScheme s, boolean active) {
      return new SetView(
          s.name(), active, s.categories().stream().map(c -> CategoryView.of(c, active)).toList());
    }
  }

  /** What the admin sees: the set in use, every set, and the switches so far. */
  record AdminView(String active, List<SetView> sets, List<SwitchView> switches) {}

  record SwitchView(String set, Instant switchedAt, String switchedBy) {

    static SwitchView of(CategorySwitch s) {
      return new SwitchView(s.set(), s.switchedAt(), s.switchedBy());
    }
  }
}
