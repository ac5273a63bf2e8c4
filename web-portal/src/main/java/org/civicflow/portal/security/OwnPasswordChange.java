package org.civicflow.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.OptionalLong;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.domain.identity.UserManagement;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A person sets their own password (page {@code /portal/password}, API {@code POST
 * /api/v1/me/password}): the current one must be right, the new one follows the policy and differs
 * from it; the demand to change it ends. The account's other signed-in sessions end (a new session
 * version); the session that made the change goes on, without the demand.
 */
@Component
class OwnPasswordChange {

  private final UserManagement management;
  private final UserDirectory users;
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  OwnPasswordChange(UserManagement management, UserDirectory users) {
    this.management = management;
    this.users = users;
  }

  /**
   * Changes the signed-in person's password.
   *
   * @throws org.civicflow.domain.common.ValidationException naming {@code currentPassword} or
   *     {@code newPassword}
   */
  void change(
      Authentication auth,
      String currentPassword,
      String newPassword,
      HttpServletRequest request,
      HttpServletResponse response) {
    String username = auth.getName();
    management.changeOwnPassword(username, currentPassword, newPassword);
    HttpSession session = request.getSession(false);
    if (session == null) {
      return; // HTTP Basic: the next request signs in with the new password
    }
    OptionalLong version = users.sessionVersion(username);
    if (version.isPresent()) {
      session.setAttribute(SessionVersionCheck.ATTRIBUTE, version.getAsLong());
    }
    if (auth.getPrincipal() instanceof CivicPrincipal principal) {
      CivicPrincipal changed = principal.withPasswordChanged();
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(
          UsernamePasswordAuthenticationToken.authenticated(
              changed, null, changed.getAuthorities()));
      SecurityContextHolder.setContext(context);
      sessions.saveContext(context, request, response);
    }
  }
}
