package org.civicflow.portal.summary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.civicflow.domain.summary.HandlingSummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public site's column 建议提案办理 > 办理工作总体情况: the published summaries, and one summary with every
 * figure and the items it counts, with its document and workbook. The accessible mode is that of
 * the rest of the public site (same cookie).
 */
@Controller
class PublicSummaryPageController {

  static final String A11Y_COOKIE = "CIVICFLOW_A11Y";

  private final SummaryWork work;
  private final SummaryFiguresJson json;

  PublicSummaryPageController(SummaryWork work, SummaryFiguresJson json) {
    this.work = work;
    this.json = json;
  }

  @GetMapping("/public/summaries")
  String list(
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String a11y,
      @CookieValue(value = A11Y_COOKIE, required = false) String a11yCookie,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("a11y", accessible(a11y, a11yCookie, response));
    List<HandlingSummary> all = work.published((String) null);
    model.addAttribute(
        "sessions", all.stream().map(HandlingSummary::getSessionName).distinct().toList());
    String chosen = session == null || session.isBlank() ? null : session.strip();
    model.addAttribute("session", chosen);
    model.addAttribute("summaries", chosen == null ? all : work.published(chosen));
    return "public/summaries";
  }

  @GetMapping("/public/summaries/{id}")
  String summary(
      @PathVariable long id,
      @RequestParam(required = false) String a11y,
      @CookieValue(value = A11Y_COOKIE, required = false) String a11yCookie,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("a11y", accessible(a11y, a11yCookie, response));
    HandlingSummary s = work.published(id);
    model.addAttribute("summary", s);
    model.addAttribute("f", json.figures(s));
    return "public/summary";
  }

  /** The accessible mode: switched with ?a11y=on|off and remembered in a cookie. */
  private static boolean accessible(String param, String cookie, HttpServletResponse response) {
    if ("on".equals(param) || "off".equals(param)) {
      Cookie c = new Cookie(A11Y_COOKIE, param);
      c.setPath("/");
      c.setHttpOnly(true);
      c.setMaxAge("on".equals(param) ? 365 * 86_400 : 0);
      c.setAttribute("SameSite", "Lax");
      response.addCookie(c);
      return "on".equals(param);
    }
    return "on".equals(cookie);
  }
}
