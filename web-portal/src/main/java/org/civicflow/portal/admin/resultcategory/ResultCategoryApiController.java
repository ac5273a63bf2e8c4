package org.civicflow.portal.admin.resultcategory;

import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.civicflow.portal.admin.resultcategory.ResultCategoryViews.SetView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/result-categories}: the set of result categories in use, for every signed-in
 * client (what {@code draftReply} and {@code decideResultCategory} accept, and the labels).
 */
@RestController
class ResultCategoryApiController {

  private final ResultCategorySet categories;

  ResultCategoryApiController(ResultCategorySet categories) {
    this.categories = categories;
  }

  @GetMapping("/api/v1/result-categories")
  SetView active() {
    return SetView.of(categories.active(), true);
  }
}
