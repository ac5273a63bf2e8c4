package org.civicflow.portal.letter;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.department.Department;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.letter.LetterArchive;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.civicflow.portal.web.ErrorResponses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registrar's page for downloading a session's letters as one ZIP: choose the session (and
 * optionally a department), start, then a page with the progress and, once done, the download.
 * Works without JavaScript (the progress page can be reloaded); the island {@code
 * /js/letter-archive-progress.js} moves the progress bar by itself.
 */
@Controller
@RequestMapping("/portal/letter-archives")
class LetterArchivePagesController {

  private final SessionLetterArchives archives;
  private final SessionCatalog sessions;
  private final DepartmentDirectory departments;
  private final Callers callers;
  private final ErrorResponses texts;

  LetterArchivePagesController(
      SessionLetterArchives archives,
      SessionCatalog sessions,
      DepartmentDirectory departments,
      Callers callers,
      ErrorResponses texts) {
    this.archives = archives;
    this.sessions = sessions;
    this.departments = departments;
    this.callers = callers;
    this.texts = texts;
  }

  @GetMapping
  String form(Principal principal, Model model) {
    return form(callers.of(principal), model, null, null);
  }

  private String form(Caller caller, Model model, Long session, String departmentError) {
    List<LetterArchive> jobs = archives.recent(caller);
    List<Session> all = sessions.all();
    model.addAttribute("jobs", jobs);
    model.addAttribute("sessions", all);
    model.addAttribute("departments", departments.all());
    model.addAttribute(
        "selectedSession",
        session != null ? session : sessions.current().map(Session::id).orElse(null));
    model.addAttribute("departmentError", departmentError);
    model.addAttribute(
        "sessionNames", all.stream().collect(Collectors.toMap(Session::id, Session::name)));
    model.addAttribute("departmentNames", departmentNames());
    return "portal/letter-archives";
  }

  @PostMapping
  String start(
      @RequestParam("session") long session,
      @RequestParam(value = "department", required = false) String department,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    Caller caller = callers.of(principal);
    LetterArchive job;
    try {
      job = archives.start(session, department, caller);
    } catch (ValidationException e) {
      response.setStatus(400);
      return form(
          caller, model, session, texts.text("letter.archive.department.unknown", List.of(), null));
    }
    return "redirect:/portal/letter-archives/" + job.id();
  }

  @GetMapping("/{jobId:\\d+}")
  String show(@PathVariable long jobId, Principal principal, Model model) {
    LetterArchive job = archives.job(jobId, callers.of(principal));
    model.addAttribute("job", job);
    model.addAttribute("active", job.status().isActive());
    model.addAttribute("sessionName", archives.session(job.sessionId()).name());
    model.addAttribute(
        "departmentName",
        job.departmentCode() == null ? null : departmentNames().get(job.departmentCode()));
    model.addAttribute("src", LetterArchiveView.path(job.sessionId(), job.id()));
    return "portal/letter-archive";
  }

  /** The ZIP of a finished job (the same as the API's, for the page's link). */
  @GetMapping("/{jobId:\\d+}/file")
  void file(@PathVariable long jobId, Principal principal, HttpServletResponse response)
      throws IOException {
    LetterArchive job = archives.job(jobId, callers.of(principal));
    archives.checkReady(job);
    LetterArchiveApiController.download(archives, job, response);
  }

  private Map<String, String> departmentNames() {
    return departments.all().stream()
        .collect(
            Collectors.toMap(Department::code, Department::name, (a, b) -> a, LinkedHashMap::new));
  }
}
