package org.civicflow.portal.search;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.TaskView;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.web.Callers;
import org.civicflow.portal.web.TaskUnavailablePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The similar items of a task (并案 candidates at acceptance, earlier replies while drafting), apart
 * from the task page: the page's island ({@code similar-panel.js}) puts the fragment beside the
 * form once the page is shown, so that the form never waits on the search; without JavaScript the
 * page links here and the panel is a page of its own. Only who may open the task sees its panel.
 */
@Controller
class SimilarPanelController {

  private final Callers callers;
  private final TaskWork work;
  private final SimilarPanels panels;
  private final TaskUnavailablePage unavailable;

  SimilarPanelController(
      Callers callers, TaskWork work, SimilarPanels panels, TaskUnavailablePage unavailable) {
    this.callers = callers;
    this.work = work;
    this.panels = panels;
    this.unavailable = unavailable;
  }

  /**
   * @param fragment the panel alone, for the island; else a page around it
   * @param drewFrom the replies the form has ticked as drawn from (kept ticked after an error)
   */
  @GetMapping("/portal/tasks/{id}/similar")
  String panel(
      @PathVariable String id,
      @RequestParam(defaultValue = "false") boolean fragment,
      @RequestParam(required = false) List<String> drewFrom,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    Caller caller = callers.of(principal);
    TaskView task;
    try {
      task = work.get(id, caller);
    } catch (ConflictException | ForbiddenException | NotFoundException e) {
      return unavailable.show(e, response, model);
    }
    model.addAttribute(
        "similar", panels.of(task.key(), task.proposalId(), task.department(), caller));
    model.addAttribute("taskId", task.id());
    model.addAttribute("taskKey", task.key());
    model.addAttribute("taskName", task.name());
    model.addAttribute("drewFrom", drewFrom == null ? List.of() : drewFrom);
    model.addAttribute("standalone", !fragment);
    return fragment ? "search/similar-fragment" : "search/similar-page";
  }
}
