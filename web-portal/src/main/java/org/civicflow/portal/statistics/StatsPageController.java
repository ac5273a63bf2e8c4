package org.civicflow.portal.statistics;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.civicflow.domain.session.SessionCatalog;
import org.civicflow.domain.statistics.SessionReport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The statistics page of a session for registrars and admins: headline figures, a chart of each
 * breakdown with a table of the same numbers under it (screen readers, print), the overdue list and
 * the key items; and the spreadsheet export. Read live on every request.
 */
@Controller
class StatsPageController {

  private final StatsAccess access;
  private final StatsCharts charts;
  private final StatsExport export;
  private final SessionCatalog sessions;

  StatsPageController(
      StatsAccess access, StatsCharts charts, StatsExport export, SessionCatalog sessions) {
    this.access = access;
    this.charts = charts;
    this.export = export;
    this.sessions = sessions;
  }

  @GetMapping("/portal/stats")
  String page(
      @RequestParam(required = false) String session,
      Principal principal,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    SessionReport report = access.report(principal, session);
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("report", report);
    model.addAttribute("sessions", sessions.all());
    model.addAttribute("charts", charts.of(report, RequestContextUtils.getLocale(request)));
    return "portal/stats";
  }

  @GetMapping("/portal/stats/export.xlsx")
  ResponseEntity<byte[]> xlsx(
      @RequestParam(required = false) String session,
      Principal principal,
      HttpServletRequest request)
      throws IOException {
    return export.download(access.report(principal, session), request);
  }
}
