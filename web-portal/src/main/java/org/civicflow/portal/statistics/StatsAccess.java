package org.civicflow.portal.statistics;

import java.security.Principal;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.statistics.SessionReport;
import org.civicflow.domain.statistics.SessionStatistics;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.springframework.stereotype.Component;

/**
 * Who may see the statistics: registrars (the statistics are part of their work in the product
 * guide) and admins. Departments and proposers are refused before anything is read.
 */
@Component
class StatsAccess {

  private final Callers callers;
  private final SessionStatistics statistics;

  StatsAccess(Callers callers, SessionStatistics statistics) {
    this.callers = callers;
    this.statistics = statistics;
  }

  static boolean mayView(Caller caller) {
    return caller.has(Role.REGISTRAR) || caller.has(Role.ADMIN);
  }

  /**
   * The report of the session named by its name or id, the current session when blank.
   *
   * @throws ForbiddenException not a registrar or admin
   * @throws org.civicflow.domain.common.ValidationException naming {@code session} when unknown
   */
  SessionReport report(Principal principal, String session) {
    if (!mayView(callers.of(principal))) {
      throw new ForbiddenException("stats.forbidden");
    }
    return statistics.report(session);
  }
}
