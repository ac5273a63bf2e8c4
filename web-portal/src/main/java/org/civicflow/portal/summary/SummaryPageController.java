package org.civicflow.portal.summary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.integrity.MacCheck;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.summary.HandlingSummaries;
import org.civicflow.domain.summary.HandlingSummary;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registrar's summary pages: the summaries with a form to generate a session's draft, and one
 * summary to review (every figure, the downloads) and publish.
 */
@Controller
class SummaryPageController {

  private final SummaryWork work;
  private final SummaryFiguresJson json;
  private final SessionCatalog sessions;
  private final HandlingSummaries summaries;
  private final SummaryDownloads downloads;

  SummaryPageController(
      SummaryWork work,
      SummaryFiguresJson json,
      SessionCatalog sessions,
      HandlingSummaries summaries,
      SummaryDownloads downloads) {
    this.work = work;
    this.json = json;
    this.sessions = sessions;
    this.summaries = summaries;
    this.downloads = downloads;
  }

  @GetMapping("/portal/summaries")
  String list(Principal principal, HttpServletResponse response, Model model) {
    model.addAttribute("summaries", work.all(principal));
    model.addAttribute("sessions", sessions.all());
    response.setHeader("Cache-Control", "no-store");
    return "portal/summaries";
  }

  @PostMapping("/portal/summaries")
  String generate(
      @RequestParam(required = false) String session,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    try {
      HandlingSummary s = work.generate(principal, session);
      return "redirect:/portal/summaries/" + s.getId();
    } catch (ValidationException e) {
      response.setStatus(400);
      model.addAttribute("problem", "summary.sessionProblem");
      return list(principal, response, model);
    }
  }

  @GetMapping("/portal/summaries/{id}")
  String summary(
      @PathVariable long id, Principal principal, HttpServletResponse response, Model model) {
    HandlingSummary s = work.get(principal, id);
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("summary", s);
    model.addAttribute("intact", !s.isPublished() || summaries.check(s) == MacCheck.VALID);
    model.addAttribute("f", json.tree(s) == null ? null : json.figures(s));
    return "portal/summary";
  }

  @PostMapping("/portal/summaries/{id}/publish")
  String publish(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
    work.publish(principal, id);
    redirect.addFlashAttribute("published", true);
    return "redirect:/portal/summaries/" + id;
  }

  @GetMapping("/portal/summaries/{id}/summary.xlsx")
  ResponseEntity<byte[]> workbook(
      @PathVariable long id, Principal principal, HttpServletRequest request) throws IOException {
    return downloads.workbook(work.get(principal, id), request);
  }

  @GetMapping("/portal/summaries/{id}/summary.docx")
  ResponseEntity<byte[]> document(
      @PathVariable long id, Principal principal, HttpServletRequest request) {
    return downloads.document(work.get(principal, id), request);
  }
}
