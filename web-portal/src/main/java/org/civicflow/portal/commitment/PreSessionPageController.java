package org.civicflow.portal.commitment;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.civicflow.domain.common.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registrar's pre-session check page: a form for the next session's date and the lead time,
 * then every open commitment by department with the department's report before the session.
 */
@Controller
class PreSessionPageController {

  static final String PATH = "/portal/commitments/pre-session-check";

  private final PreSessionView view;

  PreSessionPageController(PreSessionView view) {
    this.view = view;
  }

  @GetMapping(PATH)
  String page(Principal principal, HttpServletResponse response, Model model) {
    model.addAttribute("check", view.view(principal));
    response.setHeader("Cache-Control", "no-store");
    return "portal/pre-session-check";
  }

  @PostMapping(PATH)
  String set(
      @RequestParam(required = false) String nextSessionDate,
      @RequestParam(required = false) String leadDays,
      Principal principal,
      Model model,
      HttpServletResponse response) {
    Integer lead = null;
    if (leadDays != null && !leadDays.isBlank()) {
      try {
        lead = Integer.valueOf(leadDays.strip());
      } catch (NumberFormatException e) {
        lead = -1; // refused below, naming leadDays
      }
    }
    try {
      view.set(principal, new PreSessionView.SetRequest(nextSessionDate, lead));
      return "redirect:" + PATH;
    } catch (ValidationException e) {
      response.setStatus(400);
      model.addAttribute("problems", e.fieldErrors());
      return page(principal, response, model);
    }
  }
}
