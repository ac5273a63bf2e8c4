package org.civicflow.portal.admin.administration;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.civicflow.domain.audit.AuditEvent;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.reply.SeparationOfDuties;
import org.civicflow.domain.setting.Settings;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deployment's settings page: the separation of duties on reply drafts, on or off, with the
 * record of its changes (who, when, from what to what).
 */
@Controller
class SettingsPagesController {

  private final SeparationOfDuties separation;
  private final AuditLog audit;
  private final Flash flash;

  SettingsPagesController(SeparationOfDuties separation, AuditLog audit, Flash flash) {
    this.separation = separation;
    this.audit = audit;
    this.flash = flash;
  }

  @GetMapping("/admin/settings")
  String show(Model model) {
    model.addAttribute("separationOfDuties", separation.enabled());
    List<AuditEvent> changes =
        new ArrayList<>(
            audit.forObject("setting", Settings.SEPARATION_OF_DUTIES).stream()
                .filter(e -> AuditLog.OK.equals(e.result()))
                .toList());
    Collections.reverse(changes); // newest first
    model.addAttribute("changes", changes);
    return "admin/settings";
  }

  @PostMapping("/admin/settings/separation-of-duties")
  String switchSeparationOfDuties(
      @RequestParam(defaultValue = "true") boolean enabled,
      Principal principal,
      RedirectAttributes redirect) {
    separation.enable(enabled, principal.getName());
    flash.ok(redirect, enabled ? "admin.flash.sodOn" : "admin.flash.sodOff");
    return "redirect:/admin/settings";
  }
}
