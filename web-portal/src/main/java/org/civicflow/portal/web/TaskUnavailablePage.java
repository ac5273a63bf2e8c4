package org.civicflow.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.ForbiddenException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page saying plainly that a task cannot be opened: completed by a colleague (409), not the
 * caller's (403), or gone (404) — for the task page and the pages it fetches.
 */
@Component
public class TaskUnavailablePage {

  private final Flash flash;

  TaskUnavailablePage(Flash flash) {
    this.flash = flash;
  }

  /** Sets the status and the message of {@code e}; returns the view. */
  public String show(DomainException e, HttpServletResponse response, Model model) {
    response.setStatus(
        e instanceof ConflictException ? 409 : e instanceof ForbiddenException ? 403 : 404);
    model.addAttribute("message", flash.text(e));
    return "portal/task-unavailable";
  }
}
