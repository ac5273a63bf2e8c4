package org.civicflow.portal.admin.resultcategory;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.resultcategory.ResultCategory;
import org.civicflow.domain.resultcategory.ResultCategorySet;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page of result categories (答复类别): the set in use with one switch (A/B/C ↔ A/B/C/D),
 * each category's labels and description to edit, and the record of the changes.
 */
@Controller
class ResultCategoryPagesController {

  private static final String PAGE = "redirect:/admin/result-categories";

  private final ResultCategorySet categories;
  private final AuditLog audit;
  private final Flash flash;

  ResultCategoryPagesController(ResultCategorySet categories, AuditLog audit, Flash flash) {
    this.categories = categories;
    this.audit = audit;
    this.flash = flash;
  }

  @GetMapping("/admin/result-categories")
  String show(Model model) {
    model.addAttribute("active", categories.active().name());
    model.addAttribute("schemes", categories.schemes());
    List<AuditEvent> changes = new ArrayList<>();
    changes.addAll(audit.forObject("setting", "resultCategories"));
    categories.schemes().stream()
        .flatMap(s -> s.categories().stream())
        .forEach(c -> changes.addAll(audit.forObject("resultCategory", c.set() + "/" + c.code())));
    changes.removeIf(e -> !AuditLog.OK.equals(e.result()));
    changes.sort(java.util.Comparator.comparing(AuditEvent::occurredAt));
    Collections.reverse(changes); // newest first
    model.addAttribute("changes", changes);
    return "admin/result-categories";
  }

  @PostMapping("/admin/result-categories/switch")
  String switchSet(
      @RequestParam(required = false) String set,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      categories.switchTo(set, principal.getName());
      flash.ok(redirect, "categories.flash.switched");
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return PAGE;
  }

  @PostMapping("/admin/result-categories/{set}/{code}")
  String edit(
      @PathVariable String set,
      @PathVariable String code,
      @RequestParam(required = false) String labelZh,
      @RequestParam(required = false) String labelEn,
      @RequestParam(required = false) String descriptionZh,
      @RequestParam(required = false) String descriptionEn,
      @RequestParam(defaultValue = "false") boolean requiresCommitments,
      Principal principal,
      RedirectAttributes redirect) {
    ResultCategory before =
        categories
            .find(set, code)
            .orElseThrow(() -> new NotFoundException("resultCategory", set + "/" + code));
    try {
      categories.edit(
          new ResultCategory(
              set,
              code,
              labelZh,
              labelEn,
              descriptionZh == null ? before.descriptionZh() : descriptionZh,
              descriptionEn == null ? before.descriptionEn() : descriptionEn,
              before.sortOrder(),
              requiresCommitments,
              null,
              null),
          principal.getName());
      flash.ok(redirect, "categories.flash.saved", code);
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return PAGE;
  }
}
