package org.civicflow.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civicflow.domain.audit.AuditContext;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.identity.SignInRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every refused request in the audit log: each answer 403 (pages and API: not allowed,
 * missing or wrong CSRF token, a service's refusal) and 401 (API: no or wrong credentials). A
 * signed-in user's refusal is one record, with the user, {@code http.<METHOD>}, the path, the
 * status and — through the audit context — the client address; the refusals of callers not signed
 * in are counted per address and minute into one record ({@link AnonymousRefusals}), so that a
 * flood of them cannot fill the log.
 *
 * <p>It sits early in both security filter chains and looks at the status once the request is done,
 * so it sees the refusals of Spring Security's filters, of the controllers and of the services
 * alike. (A service that refuses an action also records its own, more specific event.)
 */
class DeniedAccessAudit extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DeniedAccessAudit.class);

  private final AuditLog audit;
  private final AnonymousRefusals anonymous;

  DeniedAccessAudit(AuditLog audit, AnonymousRefusals anonymous) {
    this.audit = audit;
    this.anonymous = anonymous;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      int status = response.getStatus();
      if (status == 401 || status == 403) {
        String path = request.getRequestURI();
        try {
          String user = user();
          if (SignInRecords.ANONYMOUS.equals(user)) {
            anonymous.refused(AuditContext.remoteAddress(), request.getMethod(), path, status);
          } else {
            audit.recordDenied(
                user, "http." + request.getMethod(), "path", path, "status=" + status + " " + path);
          }
        } catch (RuntimeException e) {
          // the refusal stands; the answer is not turned into a failure
          LOG.error("Could not record a refused {} {} ({})", request.getMethod(), path, status, e);
        }
      }
    }
  }

  private static String user() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
        ? SignInRecords.ANONYMOUS
        : auth.getName();
  }
}
