package org.civicflow.portal.admin.administration;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionAdministration;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.session.SessionKind;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The congress sessions (会议届次): list with a form to open one, a page per session, the current one.
 */
@Controller
class SessionPagesController {

  private final SessionCatalog catalog;
  private final SessionAdministration admin;
  private final AuditLog audit;
  private final Flash flash;

  SessionPagesController(
      SessionCatalog catalog, SessionAdministration admin, AuditLog audit, Flash flash) {
    this.catalog = catalog;
    this.admin = admin;
    this.audit = audit;
    this.flash = flash;
  }

  @GetMapping("/admin/sessions")
  String list(Model model) {
    return list(model, AdminForm.of(Map.of("active", true, "kind", SessionKind.NPC.name())));
  }

  @PostMapping("/admin/sessions")
  String create(
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      Session s = admin.create(edit(form), form.containsKey("current"), principal.getName());
      flash.ok(redirect, "admin.flash.sessionCreated", s.name());
      return "redirect:/admin/sessions";
    } catch (DomainException e) {
      response.setStatus(AdminForm.status(e));
      return list(model, AdminForm.of(values(form)).refused(e, flash));
    }
  }

  @GetMapping("/admin/sessions/{id}")
  String show(@PathVariable long id, Model model) {
    Session s = catalog.get(id);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", s.name());
    values.put("kind", s.kind().name());
    values.put("opensOn", s.opensOn() == null ? null : s.opensOn().toString());
    values.put("active", s.active());
    return show(model, s, AdminForm.of(values));
  }

  @PostMapping("/admin/sessions/{id}")
  String update(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Session s = catalog.get(id);
    try {
      admin.update(id, edit(form), principal.getName());
      flash.ok(redirect, "admin.flash.saved");
      return "redirect:/admin/sessions/" + id;
    } catch (DomainException e) {
      response.setStatus(AdminForm.status(e));
      return show(model, s, AdminForm.of(values(form)).refused(e, flash));
    }
  }

  @PostMapping("/admin/sessions/{id}/current")
  String markCurrent(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
    try {
      admin.markCurrent(id, principal.getName());
      flash.ok(redirect, "admin.flash.sessionCurrent", catalog.get(id).name());
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return "redirect:/admin/sessions";
  }

  private static SessionAdministration.Edit edit(Map<String, String> form) {
    FieldErrors errors = new FieldErrors();
    SessionKind kind = FormInput.choice("kind", form.get("kind"), SessionKind.class, errors);
    var opensOn = FormInput.date("opensOn", form.get("opensOn"), errors);
    errors.throwIfAny();
    return new SessionAdministration.Edit(
        form.get("name"), kind, opensOn, form.containsKey("active"));
  }

  private static Map<String, Object> values(Map<String, String> form) {
    Map<String, Object> values = new LinkedHashMap<>(form);
    values.put("active", form.containsKey("active"));
    values.put("current", form.containsKey("current"));
    return values;
  }

  private String list(Model model, AdminForm form) {
    model.addAttribute("sessions", catalog.all());
    model.addAttribute("current", catalog.current().map(Session::id).orElse(null));
    model.addAttribute("kinds", SessionKind.values());
    model.addAttribute("form", form);
    return "admin/sessions";
  }

  private String show(Model model, Session s, AdminForm form) {
    model.addAttribute("sessionItem", s);
    model.addAttribute(
        "isCurrent", catalog.current().filter(c -> c.id().equals(s.id())).isPresent());
    model.addAttribute("kinds", SessionKind.values());
    model.addAttribute("form", form);
    model.addAttribute("history", audit.forObject("session", String.valueOf(s.id())));
    return "admin/session";
  }
}
