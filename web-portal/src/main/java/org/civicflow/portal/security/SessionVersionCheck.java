package org.civicflow.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.OptionalLong;
import org.civicflow.domain.identity.UserDirectory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session on its next request once the account behind it was disabled, got a new
 * password, or other roles or another department (see {@link UserDirectory#sessionVersion}).
 *
 * <p>At sign-in the session remembers the account's session version; every later request of that
 * session compares it with the version in the database (one indexed row). When the account is
 * disabled or the version moved on, the session is invalidated and the request goes on unsigned: a
 * page then redirects to the sign-in page, the API answers 401, and the person must sign in again —
 * which a disabled account cannot.
 *
 * <p>Why a check per request against the database rather than Spring Security's {@code
 * SessionRegistry}: the registry lives in one node's memory, so a disable handled by one node would
 * not reach sessions held by another node sharing the database; the version lives in the shared
 * database and every node sees it at once, with no session replication or messaging. The cost is
 * one primary-key-sized lookup per signed-in request (static files are skipped). HTTP Basic clients
 * have no session: each of their requests is authenticated anew and a disabled account is refused
 * then.
 */
class SessionVersionCheck extends OncePerRequestFilter {

  static final String ATTRIBUTE = SessionVersionCheck.class.getName() + ".version";

  private final UserDirectory users;

  SessionVersionCheck(UserDirectory users) {
    this.users = users;
  }

  /** After a form sign-in, remembers the account's session version in the new session. */
  static SavedRequestAwareAuthenticationSuccessHandler rememberingSuccessHandler(
      UserDirectory users, String defaultTargetUrl) {
    SavedRequestAwareAuthenticationSuccessHandler handler =
        new SavedRequestAwareAuthenticationSuccessHandler() {
          @Override
          public void onAuthenticationSuccess(
              HttpServletRequest request, HttpServletResponse response, Authentication auth)
              throws ServletException, IOException {
            OptionalLong version = users.sessionVersion(auth.getName());
            if (version.isPresent()) {
              request.getSession().setAttribute(ATTRIBUTE, version.getAsLong());
            }
            super.onAuthenticationSuccess(request, response, auth);
          }
        };
    handler.setDefaultTargetUrl(defaultTargetUrl);
    return handler;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/img/")
        || path.equals("/favicon.ico");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication auth =
        session == null ? null : SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      OptionalLong current = users.sessionVersion(auth.getName());
      Object remembered = session.getAttribute(ATTRIBUTE);
      if (current.isEmpty() || (remembered instanceof Long v && v != current.getAsLong())) {
        session.invalidate();
        SecurityContextHolder.clearContext();
      } else if (remembered == null) {
        // a session signed in before this check existed: it starts from the version of now
        session.setAttribute(ATTRIBUTE, current.getAsLong());
      }
    }
    chain.doFilter(request, response);
  }
}
