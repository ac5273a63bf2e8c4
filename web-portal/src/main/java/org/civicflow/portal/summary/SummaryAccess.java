package org.civicflow.portal.summary;

import java.security.Principal;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.identity.Role;
import org.civicflow.engine.task.Caller;
import org.civicflow.portal.web.Callers;
import org.springframework.stereotype.Component;

/**
 * Who may generate, review and publish summaries: registrars and admins, as for the statistics they
 * are made from. Everyone else is refused before anything is read.
 */
@Component
class SummaryAccess {

  private final Callers callers;

  SummaryAccess(Callers callers) {
    this.callers = callers;
  }

  /**
   * The caller, when a registrar or admin.
   *
   * @throws ForbiddenException anyone else
   */
  Caller staff(Principal principal) {
    Caller caller = callers.of(principal);
    if (!caller.has(Role.REGISTRAR) && !caller.has(Role.ADMIN)) {
      throw new ForbiddenException("summary.forbidden");
    }
    return caller;
  }
}
