package org.civicflow.portal.publicsite;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.ValidationException;
import org.civicflow.domain.department.DepartmentDirectory;
import org.civicflow.domain.publication.PublicReplies;
import org.civicflow.domain.publication.ReadCounter;
import org.civicflow.domain.publication.ReplyWithheldException;
import org.civicflow.domain.publication.VerifiedReply;
import org.civicflow.domain.search.PublicQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public column: the list of published replies (newest first, filters, full-text search) and
 * the reply page, with a print view and the accessible mode (无障碍浏览).
 */
@Controller
class PublicSiteController {

  static final String A11Y_COOKIE = "CIVICFLOW_A11Y";

  private final PublicReplies replies;
  private final ReadCounter reads;
  private final DepartmentDirectory departments;
  private final PublicCommitments commitments;
  private final PublicCategories categories;

  PublicSiteController(
      PublicReplies replies,
      ReadCounter reads,
      DepartmentDirectory departments,
      PublicCommitments commitments,
      PublicCategories categories) {
    this.categories = categories;
    this.replies = replies;
    this.reads = reads;
    this.departments = departments;
    this.commitments = commitments;
  }

  @GetMapping("/")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String category,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String a11y,
      @CookieValue(value = A11Y_COOKIE, required = false) String a11yCookie,
      HttpServletResponse response,
      Model model) {
    if (q != null && q.length() > 100) {
      throw ValidationException.of("q", "validation.tooLong");
    }
    categories.check(category);
    if (page < 0 || page > 10_000) {
      throw ValidationException.of("page", "validation.page");
    }
    PublicQuery query =
        PublicQuery.of(q, blank(session), blank(department), year, blank(category), page, 15);
    PublicReplies.Page result = replies.search(query, newest(sort));
    model.addAttribute("result", result);
    model.addAttribute("sort", blank(sort));
    model.addAttribute("facets", replies.facets());
    model.addAttribute("categoryOptions", categories.offered());
    model.addAttribute("terms", Highlighter.terms(String.join(" ", result.terms())));
    model.addAttribute("departmentNames", departments.all());
    model.addAttribute("a11y", accessible(a11y, a11yCookie, response));
    return "public/list";
  }

  @GetMapping("/public/replies/{id}")
  String reply(
      @PathVariable long id,
      @RequestParam(required = false) String view,
      @RequestParam(required = false) String a11y,
      @CookieValue(value = A11Y_COOKIE, required = false) String a11yCookie,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      Locale locale) {
    boolean accessible = accessible(a11y, a11yCookie, response);
    model.addAttribute("a11y", accessible);
    VerifiedReply reply;
    try {
      reply = replies.reply(id);
    } catch (ReplyWithheldException withheld) {
      response.setStatus(503);
      response.setHeader("Retry-After", "3600");
      return "public/under-review";
    }
    if (!reply.withdrawn()) {
      reads.viewed(id, Visitors.key(request));
    }
    model.addAttribute("reply", reply);
    model.addAttribute("related", replies.related(reply, PublicReplyApiController.RELATED));
    model.addAttribute(
        "headline", ReplyTitles.of(reply.shown(), "en".equals(locale.getLanguage())));
    long readCount = reads.count(reply);
    model.addAttribute("readCount", readCount);
    List<PublicCommitments.Shown> promised = reply.withdrawn() ? List.of() : commitments.of(reply);
    model.addAttribute("commitments", promised);
    model.addAttribute("categoryDecision", reply.withdrawn() ? null : commitments.decision(reply));
    if (!accessible && view == null) {
      request.setAttribute(
          ReplyPageCache.RENDERED, new ReplyPageCache.Key(reply, readCount, promised));
    }
    return "print".equals(view) ? "public/reply-print" : "public/reply";
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

  /** Whether the order asked for is newest first ({@code sort=relevance|newest}). */
  static boolean newest(String sort) {
    if (sort == null || sort.isBlank() || "relevance".equals(sort)) {
      return false;
    }
    if ("newest".equals(sort)) {
      return true;
    }
    throw ValidationException.of("sort", "validation.choice");
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static List<Highlighter.Segment> mark(String text, List<String> terms) {
    return Highlighter.mark(text, terms);
  }

  static NotFoundException unknown(long id) {
    return new NotFoundException("reply", id);
  }
}
