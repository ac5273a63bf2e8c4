package org.civicflow.portal.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.session.Session;
import org.civicflow.domain.statistics.DepartmentFigures;
import org.civicflow.domain.statistics.OverdueItem;
import org.civicflow.domain.statistics.SessionReport;
import org.civicflow.domain.statistics.SessionStatistics;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The department leader's view of their own department in a session: assigned, open, due within a
 * week, overdue, on-time rate, satisfaction and open commitments, with the lists behind them — the
 * same statistics as the registrar's page, read for one department. Other people are refused before
 * anything is read.
 */
@Controller
class DepartmentPageController {

  static final int DUE_SOON_DAYS = 7;

  private final Callers callers;
  private final SessionStatistics statistics;

  DepartmentPageController(Callers callers, SessionStatistics statistics) {
    this.callers = callers;
    this.statistics = statistics;
  }

  @GetMapping("/portal/department")
  String page(
      @RequestParam(required = false) String session,
      Principal principal,
      HttpServletResponse response,
      Model model) {
    Caller caller = callers.of(principal);
    if (!caller.has(Role.LEADER) || caller.department() == null) {
      throw new ForbiddenException("department.forbidden");
    }
    String code = caller.department();
    Session s = statistics.session(session);
    SessionReport report = statistics.report(s);
    DepartmentFigures figures =
        report.byDepartment().stream().filter(d -> d.code().equals(code)).findFirst().orElse(null);
    List<OverdueItem> open = statistics.openOf(s, code);
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("report", report);
    model.addAttribute("figures", figures);
    model.addAttribute(
        "overdue", report.overdue().stream().filter(o -> o.departmentCode().equals(code)).toList());
    model.addAttribute(
        "dueSoon",
        open.stream()
            .filter(o -> o.daysOverdue() <= 0 && o.daysOverdue() >= -DUE_SOON_DAYS)
            .toList());
    model.addAttribute("open", open);
    model.addAttribute(
        "overdueCommitments",
        report.overdueCommitments().stream().filter(c -> c.departmentCode().equals(code)).toList());
    model.addAttribute("dueSoonDays", DUE_SOON_DAYS);
    return "portal/department";
  }
}
