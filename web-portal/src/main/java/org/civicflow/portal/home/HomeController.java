package org.civicflow.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page. */
@Controller
class HomeController {

  /** The sign-in page; it says so when the browser came back with a session that timed out. */
  @GetMapping("/login")
  String login(
      jakarta.servlet.http.HttpServletRequest request, org.springframework.ui.Model model) {
    model.addAttribute(
        "sessionExpired",
        request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid());
    return "login";
  }
}
