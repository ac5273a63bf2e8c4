package org.civicflow.portal.proposal;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.proposal.ProposalCriteria;
import org.civicflow.domain.proposal.ProposalStatus;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.proposal.ProposalActions;
import org.civicflow.engine.proposal.ProposalDetail;
import org.civicflow.engine.proposal.ProposalDetails;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Proposal lists and pages, and the actions on a proposal outside the inbox. */
@Controller
class ProposalPagesController {

  private final Callers callers;
  private final Proposals proposals;
  private final ProposalDetails details;
  private final ProposalActions actions;
  private final SessionCatalog sessions;
  private final DepartmentDirectory departments;
  private final Flash flash;

  ProposalPagesController(
      Callers callers,
      Proposals proposals,
      ProposalDetails details,
      ProposalActions actions,
      SessionCatalog sessions,
      DepartmentDirectory departments,
      Flash flash) {
    this.callers = callers;
    this.proposals = proposals;
    this.details = details;
    this.actions = actions;
    this.sessions = sessions;
    this.departments = departments;
    this.flash = flash;
  }

  /** Staff search: registrars and admins see all, departments their assigned proposals. */
  @GetMapping("/portal/proposals")
  String list(
      @RequestParam(required = false) Long session,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Boolean keyOnly,
      @RequestParam(defaultValue = "0") int page,
      Principal principal,
      Model model) {
    Caller caller = callers.of(principal);
    ProposalStatus statusFilter = parse(status);
    String dept = department == null || department.isBlank() ? null : department;
    String proposer = null;
    if (!caller.has(Role.REGISTRAR) && !caller.has(Role.ADMIN)) {
      if (caller.department() != null) {
        dept = caller.department();
      } else {
        proposer = caller.username();
      }
    }
    String text = q == null ? null : q.strip();
    if (text != null && text.length() > 100) {
      text = text.substring(0, 100);
    }
    ProposalCriteria criteria =
        new ProposalCriteria(
            session,
            statusFilter,
            dept,
            text,
            proposer,
            Boolean.TRUE.equals(keyOnly) ? true : null,
            null,
            Math.max(page, 0),
            20);
    long total = proposals.count(criteria);
    model.addAttribute("items", proposals.search(criteria));
    model.addAttribute("total", total);
    model.addAttribute("criteria", criteria);
    model.addAttribute("pages", (total + 19) / 20);
    model.addAttribute("sessions", sessions.all());
    model.addAttribute("statuses", ProposalStatus.values());
    model.addAttribute("departments", departments.all());
    model.addAttribute("allDepartments", caller.has(Role.REGISTRAR) || caller.has(Role.ADMIN));
    return "portal/proposals";
  }

  private static ProposalStatus parse(String status) {
    try {
      return status == null || status.isBlank() ? null : ProposalStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @GetMapping("/portal/proposals/{id}")
  String show(@PathVariable long id, Principal principal, Model model) {
    Caller caller = callers.of(principal);
    ProposalDetail proposal = details.of(id, caller);
    model.addAttribute("p", proposal);
    model.addAttribute(
        "canWithdrawDraft",
        caller.has(Role.HANDLER)
            && caller.department() != null
            && proposal.drafts().stream()
                .anyMatch(
                    d ->
                        d.department().equals(caller.department())
                            && "SUBMITTED".equals(d.state())
                            && isLatest(proposal.drafts(), d)));
    model.addAttribute(
        "canRequestExtension",
        caller.has(Role.HANDLER)
            && proposal.assignments().stream()
                .anyMatch(
                    a ->
                        a.department().equals(caller.department())
                            && !"CO".equals(a.role())
                            && "SIGNED_FOR".equals(a.state())));
    model.addAttribute(
        "canWithdraw",
        caller.username().equals(proposal.proposerUsername())
            && ProposalStatus.valueOf(proposal.status()).isWithdrawable());
    model.addAttribute("canMarkKey", caller.has(Role.REGISTRAR));
    model.addAttribute("isRegistrar", caller.has(Role.REGISTRAR));
    model.addAttribute("myDepartment", caller.department());
    return "portal/proposal";
  }

  private static boolean isLatest(
      List<ProposalDetail.DraftView> drafts, ProposalDetail.DraftView d) {
    return drafts.stream()
        .filter(x -> x.department().equals(d.department()))
        .allMatch(x -> x.version() <= d.version());
  }

  @PostMapping("/portal/proposals/{id}/drafts/{version}/withdraw")
  String withdrawDraft(
      @PathVariable long id,
      @PathVariable int version,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      actions.withdrawDraft(id, version, callers.of(principal));
      flash.ok(redirect, "flash.draftWithdrawn", version);
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return "redirect:/portal/proposals/" + id;
  }

  @PostMapping("/portal/proposals/{id}/extension")
  String requestExtension(
      @PathVariable long id,
      @RequestParam(required = false) String newDueDate,
      @RequestParam(required = false) String reason,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      LocalDate date = null;
      if (newDueDate != null && !newDueDate.isBlank()) {
        try {
          date = LocalDate.parse(newDueDate);
        } catch (DateTimeParseException e) {
          new FieldErrors().add("newDueDate", "validation.type.date").throwIfAny();
        }
      }
      actions.requestExtension(id, date, reason, callers.of(principal));
      flash.ok(redirect, "flash.extensionRequested");
    } catch (org.civicflow.domain.common.ValidationException e) {
      redirect.addFlashAttribute(
          "flashError",
          String.join(
              ";",
              e.fieldErrors().entrySet().stream()
                  .map(x -> flash.text("field." + x.getKey()) + ":" + flash.text(x.getValue()))
                  .toList()));
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return "redirect:/portal/proposals/" + id;
  }

  @PostMapping("/portal/proposals/{id}/withdraw")
  String withdraw(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      actions.withdraw(id, reason, callers.of(principal));
      flash.ok(redirect, "flash.proposalWithdrawn");
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return "redirect:/portal/proposals/" + id;
  }

  @PostMapping("/portal/proposals/{id}/key")
  String markKey(
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean key,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      actions.markKey(id, key, callers.of(principal));
      flash.ok(redirect, key ? "flash.keyMarked" : "flash.keyCleared");
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return "redirect:/portal/proposals/" + id;
  }

  @PostMapping("/portal/proposals/{id}/publications/{publicationId}/withdraw")
  String withdrawPublication(
      @PathVariable long id,
      @PathVariable long publicationId,
      @RequestParam(required = false) String reason,
      Principal principal,
      RedirectAttributes redirect) {
    try {
      actions.withdrawPublication(id, publicationId, reason, callers.of(principal));
      flash.ok(redirect, "flash.publicationWithdrawn");
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return "redirect:/portal/proposals/" + id;
  }

  /** A proposer's own proposals with their status and replies. */
  @GetMapping("/portal/mine")
  String mine(Principal principal, Model model) {
    Caller caller = callers.of(principal);
    ProposalCriteria criteria =
        new ProposalCriteria(null, null, null, null, caller.username(), null, null, 0, 200);
    model.addAttribute(
        "items",
        proposals.search(criteria).stream().map(p -> details.of(p.getId(), caller)).toList());
    return "portal/mine";
  }
}
