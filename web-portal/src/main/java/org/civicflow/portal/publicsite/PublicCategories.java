package org.civicflow.portal.publicsite;

import java.util.ArrayList;
import java.util.List;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.publication.PublicReplies;
import org.civicflow.domain.resultcategory.CategoryScheme;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.springframework.stereotype.Component;

/**
 * The result categories the public list filters by: those of the set in use, then any other code
 * published replies were signed with (a set in use earlier), so that old replies stay findable.
 */
@Component
class PublicCategories {

  private final ResultCategorySet set;
  private final PublicReplies replies;

  PublicCategories(ResultCategorySet set, PublicReplies replies) {
    this.set = set;
    this.replies = replies;
  }

  /** The codes the filter offers, those in use first in their order. */
  List<String> offered() {
    List<String> codes = new ArrayList<>(set.active().codes());
    replies.facets().categories().stream().filter(c -> !codes.contains(c)).forEach(codes::add);
    return codes;
  }

  /**
   * Checks a filter value: blank, a code in use, or one of any configured set.
   *
   * @throws ValidationException naming {@code category} otherwise
   */
  void check(String category) {
    if (category == null || category.isBlank()) {
      return;
    }
    String code = category.strip();
    boolean known =
        set.schemes().stream().anyMatch(s -> s.contains(code))
            || replies.facets().categories().contains(code);
    if (!known) {
      throw ValidationException.of("category", "validation.choice");
    }
  }

  /** The set in use (for labels). */
  CategoryScheme active() {
    return set.active();
  }
}
