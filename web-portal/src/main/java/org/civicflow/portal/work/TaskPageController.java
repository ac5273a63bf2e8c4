package org.civicflow.portal.work;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.engine.task.Caller;
import org.civicflow.engine.task.FormField;
import org.civicflow.engine.task.TaskView;
import org.civicflow.engine.task.TaskWork;
import org.civicflow.portal.search.SimilarPanels;
import org.civicflow.portal.web.Callers;
import org.civicflow.portal.web.ErrorResponses;
import org.civicflow.portal.web.Flash;
import org.civicflow.portal.web.TaskUnavailablePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task page: the proposal, the form of this step, earlier drafts with comments, the diff, the
 * diagram and the history. The server validates; errors appear next to their fields.
 */
@Controller
class TaskPageController {

  private final Callers callers;
  private final TaskPages pages;
  private final TaskWork work;
  private final Flash flash;
  private final ErrorResponses texts;
  private final SimilarPanels similar;
  private final TaskUnavailablePage unavailable;

  TaskPageController(
      Callers callers,
      TaskPages pages,
      TaskWork work,
      Flash flash,
      ErrorResponses texts,
      SimilarPanels similar,
      TaskUnavailablePage unavailable) {
    this.similar = similar;
    this.unavailable = unavailable;
    this.callers = callers;
    this.pages = pages;
    this.work = work;
    this.flash = flash;
    this.texts = texts;
  }

  @GetMapping("/portal/tasks/{id}")
  String show(
      @PathVariable String id, Principal principal, Model model, HttpServletResponse response) {
    try {
      Caller caller = callers.of(principal);
      TaskPage page = pages.of(id, caller, null, Map.of());
      model.addAttribute("page", page);
      similarPanel(model, page, caller);
      return "portal/task";
    } catch (ConflictException | ForbiddenException | NotFoundException e) {
      return unavailable.show(e, response, model);
    }
  }

  @PostMapping("/portal/tasks/{id}")
  String complete(
      @PathVariable String id,
      @RequestParam MultiValueMap<String, String> form,
      Principal principal,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    Caller caller = callers.of(principal);
    TaskView task;
    try {
      task = work.get(id, caller);
    } catch (DomainException e) {
      flash.error(redirect, e);
      return "redirect:/portal/inbox";
    }
    Map<String, Object> body = body(task, form);
    try {
      work.complete(id, body, caller);
      flash.ok(redirect, "flash.completed", texts.text("task." + task.key(), List.of(), null));
      return "redirect:/portal/inbox";
    } catch (ValidationException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      // the form has one field for all commitments: a problem of one of them is shown there
      e.fieldErrors()
          .forEach(
              (field, key) ->
                  errors.putIfAbsent(
                      field.startsWith("commitments[") ? "commitments" : field,
                      field.startsWith("commitments[")
                          ? flash.text("commitments.line", CommitmentLines.line(field))
                              + flash.text(key)
                          : flash.text(key)));
      response.setStatus(400);
      TaskPage page = pages.of(id, caller, body, errors);
      model.addAttribute("page", page);
      similarPanel(model, page, caller);
      return "portal/task";
    } catch (DomainException e) {
      flash.error(redirect, e);
      return "redirect:/portal/inbox";
    }
  }

  /**
   * The similar items beside the form: those from the search index are loaded after the page (the
   * page says where, {@code similarLater}); the others are part of the page.
   */
  private void similarPanel(Model model, TaskPage page, Caller caller) {
    boolean later = similar.searched(page.key());
    model.addAttribute("similarLater", later);
    if (later) {
      return;
    }
    model.addAttribute(
        "similar", similar.of(page.key(), page.proposal().id(), page.task().department(), caller));
  }

  /** The form's values as the API body of this task key: lists, booleans, text. */
  static Map<String, Object> body(TaskView task, MultiValueMap<String, String> form) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (FormField field : task.form()) {
      List<String> values = form.get(field.name());
      switch (field.type()) {
        case "list" ->
            body.put(
                field.name(),
                values == null
                    ? List.of()
                    : new ArrayList<>(
                        values.stream().filter(v -> v != null && !v.isBlank()).toList()));
        case "boolean" -> body.put(field.name(), values != null && values.contains("true"));
        case "commitments" ->
            body.put(
                field.name(),
                CommitmentLines.parse(values == null || values.isEmpty() ? null : values.get(0)));
        default -> {
          if (values != null && !values.isEmpty()) {
            body.put(field.name(), values.get(0));
          }
        }
      }
    }
    return body;
  }
}
