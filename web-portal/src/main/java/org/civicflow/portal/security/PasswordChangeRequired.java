package org.civicflow.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a signed-in person who must set a password of their own (the first administrator, or an
 * account whose password an administrator set) to that one step: portal and admin pages redirect to
 * {@value #PAGE}, the API answers 403 {@code password_change_required} to everything but {@code
 * POST} {@value #API}. Signing out, the public site and static files stay reachable.
 *
 * <p>It runs after authentication and before the access decisions, so a request that would be
 * refused anyway gets this answer, which says what to do.
 */
class PasswordChangeRequired extends OncePerRequestFilter {

  static final String PAGE = "/portal/password";
  static final String API = "/api/v1/me/password";

  private final boolean api;

  private PasswordChangeRequired(boolean api) {
    this.api = api;
  }

  static PasswordChangeRequired forApi() {
    return new PasswordChangeRequired(true);
  }

  static PasswordChangeRequired forPages() {
    return new PasswordChangeRequired(false);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null
        || !(auth.getPrincipal() instanceof CivicPrincipal principal)
        || !principal.mustChangePassword()
        || allowed(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (api) {
      JsonSecurityErrors.passwordChangeRequired(response);
    } else {
      response.sendRedirect(request.getContextPath() + PAGE);
    }
  }

  private boolean allowed(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (api) {
      return (API.equals(path) && "POST".equals(request.getMethod()))
          || path.startsWith("/api/v1/public/");
    }
    return path.equals(PAGE)
        || path.equals("/logout")
        || path.equals("/login")
        || path.equals("/error")
        || path.equals("/")
        || path.equals("/favicon.ico")
        || path.startsWith("/public/")
        || path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/img/")
        || path.startsWith("/actuator/health");
  }
}
