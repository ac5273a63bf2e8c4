package org.civicflow.portal.admin.administration;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.delegation.Delegations;
import org.civicflow.domain.session.SessionKind;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The delegations (代表团) and sectors (界别) imports accept: the list per body, a form to add one and
 * removal. Delegations named by proposers' accounts are accepted without being listed.
 */
@Controller
class DelegationPagesController {

  private final Delegations delegations;
  private final Flash flash;

  DelegationPagesController(Delegations delegations, Flash flash) {
    this.delegations = delegations;
    this.flash = flash;
  }

  @GetMapping("/admin/delegations")
  String list(Model model) {
    return list(model, AdminForm.of(Map.of("kind", SessionKind.NPC.name())));
  }

  @PostMapping("/admin/delegations")
  String add(
      @RequestParam Map<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    FieldErrors errors = new FieldErrors();
    SessionKind kind = FormInput.choice("kind", form.get("kind"), SessionKind.class, errors);
    try {
      errors.throwIfAny();
      String name = form.get("name");
      boolean added = delegations.add(kind, name, principal.getName());
      flash.ok(
          redirect,
          added ? "admin.flash.delegationAdded" : "admin.flash.delegationListed",
          name.strip());
      return "redirect:/admin/delegations";
    } catch (DomainException e) {
      response.setStatus(AdminForm.status(e));
      return list(model, AdminForm.of(new LinkedHashMap<>(form)).refused(e, flash));
    }
  }

  @PostMapping("/admin/delegations/delete")
  String remove(
      @RequestParam String kind,
      @RequestParam String name,
      Principal principal,
      RedirectAttributes redirect) {
    FieldErrors errors = new FieldErrors();
    SessionKind body = FormInput.choice("kind", kind, SessionKind.class, errors);
    errors.throwIfAny();
    delegations.remove(body, name, principal.getName());
    flash.ok(redirect, "admin.flash.delegationRemoved", name.strip());
    return "redirect:/admin/delegations";
  }

  private String list(Model model, AdminForm form) {
    model.addAttribute("delegations", delegations.all());
    model.addAttribute("kinds", SessionKind.values());
    model.addAttribute("form", form);
    return "admin/delegations";
  }
}
