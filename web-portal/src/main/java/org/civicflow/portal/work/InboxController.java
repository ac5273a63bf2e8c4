package org.civicflow.portal.work;

import java.security.Principal;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.Inbox;
import org.civicflow.engine.task.InboxFilter;
import org.civicflow.engine.task.TaskKey;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.web.Callers;
import org.civicflow.portal.web.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox: own and candidate tasks, overdue first, with filters and paging; claiming. */
@Controller
class InboxController {

  private final Callers callers;
  private final Inbox inbox;
  private final TaskWork work;
  private final SessionCatalog sessions;
  private final Flash flash;

  InboxController(
      Callers callers, Inbox inbox, TaskWork work, SessionCatalog sessions, Flash flash) {
    this.callers = callers;
    this.inbox = inbox;
    this.work = work;
    this.sessions = sessions;
    this.flash = flash;
  }

  /** Where a signed-in person starts: proposers with their proposals, staff with the inbox. */
  @GetMapping("/portal")
  String start(Principal principal) {
    Caller caller = callers.of(principal);
    boolean staff = caller.roles().stream().anyMatch(r -> r != Role.PROPOSER);
    return staff ? "redirect:/portal/inbox" : "redirect:/portal/mine";
  }

  @GetMapping("/portal/inbox")
  String inbox(
      @RequestParam(required = false) String key,
      @RequestParam(required = false) Long session,
      @RequestParam(required = false) Boolean keyOnly,
      @RequestParam(defaultValue = "0") int page,
      Principal principal,
      Model model) {
    Caller caller = callers.of(principal);
    String step = key != null && TaskKey.of(key).isPresent() ? key : null;
    InboxFilter filter =
        new InboxFilter(
            step, session, Boolean.TRUE.equals(keyOnly) ? true : null, null, Math.max(page, 0), 20);
    Inbox.Page result = inbox.page(caller, filter);
    model.addAttribute("result", result);
    model.addAttribute("filter", filter);
    model.addAttribute("keys", TaskKey.values());
    model.addAttribute("sessions", sessions.all());
    model.addAttribute("pages", (result.total() + filter.size() - 1) / filter.size());
    return "portal/inbox";
  }

  @PostMapping("/portal/tasks/{id}/claim")
  String claim(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
    try {
      work.claim(id, callers.of(principal));
      flash.ok(redirect, "flash.claimed");
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return "redirect:/portal/inbox";
  }

  @PostMapping("/portal/tasks/{id}/unclaim")
  String unclaim(@PathVariable String id, Principal principal, RedirectAttributes redirect) {
    try {
      work.unclaim(id, callers.of(principal));
      flash.ok(redirect, "flash.unclaimed");
    } catch (DomainException e) {
      flash.error(redirect, e);
    }
    return "redirect:/portal/inbox";
  }
}
