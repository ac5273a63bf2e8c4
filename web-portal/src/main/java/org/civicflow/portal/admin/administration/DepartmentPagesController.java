package org.civicflow.portal.admin.administration;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentAdministration;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The departments: list with a form to add one, and a page per department to change it. */
@Controller
class DepartmentPagesController {

  private final DepartmentDirectory directory;
  private final DepartmentAdministration admin;
  private final AuditLog audit;
  private final Flash flash;

  DepartmentPagesController(
      DepartmentDirectory directory, DepartmentAdministration admin, AuditLog audit, Flash flash) {
    this.directory = directory;
    this.admin = admin;
    this.audit = audit;
    this.flash = flash;
  }

  @GetMapping("/admin/departments")
  String list(Model model) {
    return list(model, AdminForm.of(Map.of("enabled", true)));
  }

  @PostMapping("/admin/departments")
  String create(
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Map<String, Object> values = new LinkedHashMap<>(form);
    values.put("enabled", form.containsKey("enabled"));
    try {
      FieldErrors errors = new FieldErrors();
      Integer sortOrder = FormInput.integer("sortOrder", form.get("sortOrder"), errors);
      errors.throwIfAny();
      String code = FormInput.text(form.get("code"));
      admin.create(
          new Department(
              code,
              form.get("name"),
              form.containsKey("enabled"),
              sortOrder == null ? 0 : sortOrder),
          principal.getName());
      flash.ok(redirect, "admin.flash.departmentCreated", code);
      return "redirect:/admin/departments";
    } catch (DomainException e) {
      response.setStatus(AdminForm.status(e));
      return list(model, AdminForm.of(values).refused(e, flash));
    }
  }

  @GetMapping("/admin/departments/{code}")
  String show(@PathVariable String code, Model model) {
    Department d = directory.get(code);
    return show(
        model,
        d,
        AdminForm.of(Map.of("name", d.name(), "sortOrder", d.sortOrder(), "enabled", d.enabled())));
  }

  @PostMapping("/admin/departments/{code}")
  String update(
      @PathVariable String code,
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Department d = directory.get(code);
    Map<String, Object> values = new LinkedHashMap<>(form);
    values.put("enabled", form.containsKey("enabled"));
    try {
      FieldErrors errors = new FieldErrors();
      Integer sortOrder = FormInput.integer("sortOrder", form.get("sortOrder"), errors);
      errors.required("name", form.get("name")).throwIfAny();
      admin.update(
          code,
          new DepartmentAdministration.Edit(
              form.get("name"), sortOrder == null ? 0 : sortOrder, form.containsKey("enabled")),
          principal.getName());
      flash.ok(redirect, "admin.flash.saved");
      return "redirect:/admin/departments/" + code;
    } catch (DomainException e) {
      response.setStatus(AdminForm.status(e));
      return show(model, d, AdminForm.of(values).refused(e, flash));
    }
  }

  @PostMapping("/admin/departments/{code}/enabled")
  String setEnabled(
      @PathVariable String code,
      @RequestParam boolean enabled,
      Principal principal,
      RedirectAttributes redirect) {
    admin.setEnabled(code, enabled, principal.getName());
    flash.ok(
        redirect,
        enabled ? "admin.flash.departmentEnabled" : "admin.flash.departmentDisabled",
        directory.get(code).name());
    return "redirect:/admin/departments";
  }

  private String list(Model model, AdminForm form) {
    model.addAttribute("departments", directory.all());
    model.addAttribute("form", form);
    return "admin/departments";
  }

  private String show(Model model, Department d, AdminForm form) {
    model.addAttribute("department", d);
    model.addAttribute("form", form);
    model.addAttribute("history", audit.forObject("department", d.code()));
    return "admin/department";
  }
}
