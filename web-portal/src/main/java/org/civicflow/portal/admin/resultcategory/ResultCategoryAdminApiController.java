package org.civicflow.portal.admin.resultcategory;

import java.security.Principal;
import java.util.Map;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.resultcategory.ResultCategory;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.civicflow.portal.admin.resultcategory.ResultCategoryViews.AdminView;
import org.civicflow.portal.admin.resultcategory.ResultCategoryViews.CategoryView;
import org.civicflow.portal.admin.resultcategory.ResultCategoryViews.SetView;
import org.civicflow.portal.admin.resultcategory.ResultCategoryViews.SwitchView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/result-categories}: the sets of result categories, the one in use, switching
 * it ({@code PUT {"set": "ABCD"}}) and editing a category's labels ({@code PUT …/{set}/{code}}).
 * Admins only (the security chain); each change is in the audit log.
 */
@RestController
@RequestMapping("/api/v1/admin/result-categories")
class ResultCategoryAdminApiController {

  private final ResultCategorySet categories;

  ResultCategoryAdminApiController(ResultCategorySet categories) {
    this.categories = categories;
  }

  @GetMapping
  AdminView show() {
    String active = categories.active().name();
    return new AdminView(
        active,
        categories.schemes().stream().map(s -> SetView.of(s, s.name().equals(active))).toList(),
        categories.switches().stream().map(SwitchView::of).toList());
  }

  @PutMapping
  AdminView switchSet(
      @RequestBody(required = false) Map<String, Object> body, Principal principal) {
    categories.switchTo(text(body, "set"), principal.getName());
    return show();
  }

  @PutMapping("/{set}/{code}")
  CategoryView edit(
      @PathVariable String set,
      @PathVariable String code,
      @RequestBody(required = false) Map<String, Object> body,
      Principal principal) {
    Object commitments = body == null ? null : body.get("requiresCommitments");
    if (commitments != null && !(commitments instanceof Boolean)) {
      new FieldErrors().add("requiresCommitments", "validation.type.boolean").throwIfAny();
    }
    ResultCategory before =
        categories
            .find(set, code)
            .orElseThrow(() -> new NotFoundException("resultCategory", set + "/" + code));
    ResultCategory edited =
        categories.edit(
            new ResultCategory(
                set,
                code,
                text(body, "labelZh"),
                text(body, "labelEn"),
                has(body, "descriptionZh") ? text(body, "descriptionZh") : before.descriptionZh(),
                has(body, "descriptionEn") ? text(body, "descriptionEn") : before.descriptionEn(),
                before.sortOrder(),
                commitments == null ? before.requiresCommitments() : (Boolean) commitments,
                null,
                null),
            principal.getName());
    return CategoryView.of(edited, categories.active().name().equals(set));
  }

  private static boolean has(Map<String, Object> body, String field) {
    return body != null && body.containsKey(field);
  }

  private static String text(Map<String, Object> body, String field) {
    Object v = body == null ? null : body.get(field);
    if (v != null && !(v instanceof String)) {
      new FieldErrors().add(field, "validation.type.text").throwIfAny();
    }
    return (String) v;
  }
}
