package org.civicflow.portal.admin;

import java.security.Principal;
import org.civicflow.domain.audit.AuditVerification;
import org.civicflow.domain.audit.ChainVerdict;
import org.civicflow.domain.integrity.UnknownSealKeys;
import org.civicflow.domain.publication.IntegrityGuard;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The published replies withheld because their stored records no longer match their seals, the
 * audit log's chain (the last verification, and a button to verify now), and this node's seal keys:
 * which it holds, which the stored seals use, and — when it is out of service for want of one —
 * which is missing.
 */
@Controller
class IntegrityController {

  private final IntegrityGuard guard;
  private final UnknownSealKeys keys;
  private final AuditVerification auditChain;
  private final Flash flash;

  IntegrityController(
      IntegrityGuard guard, UnknownSealKeys keys, AuditVerification auditChain, Flash flash) {
    this.guard = guard;
    this.keys = keys;
    this.auditChain = auditChain;
    this.flash = flash;
  }

  @GetMapping("/admin/integrity")
  String failures(Model model) {
    guard.sweep();
    model.addAttribute("failures", guard.openFailures());
    model.addAttribute("unknownKeys", keys.current());
    model.addAttribute("currentKeyId", keys.currentId());
    model.addAttribute("heldKeyIds", keys.heldIds());
    model.addAttribute("keyUses", keys.uses());
    model.addAttribute("auditVerification", auditChain.latest().orElse(null));
    return "admin/integrity";
  }

  /** Verifies the audit log's chain now; the page shows the result. */
  @PostMapping("/admin/integrity/audit/verify")
  String verifyAuditChain(Principal principal, RedirectAttributes redirect) {
    ChainVerdict v = auditChain.verifyNow(principal.getName());
    flash.ok(
        redirect, v.ok() ? "flash.auditChainIntact" : "flash.auditChainNotIntact", v.checked());
    return "redirect:/admin/integrity";
  }

  /** The record was repaired: release it; it is checked again before it is served. */
  @PostMapping("/admin/integrity/{publicationId}/resolve")
  String resolve(
      @PathVariable long publicationId, Principal principal, RedirectAttributes redirect) {
    guard.resolve(publicationId, principal.getName());
    flash.ok(redirect, "flash.integrityResolved", publicationId);
    return "redirect:/admin/integrity";
  }
}
