package org.civicflow.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civicflow.domain.audit.AuditLog;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's 401 and 403 in the contract's JSON form. No {@code WWW-Authenticate} challenge is sent:
 * browsers then never cache Basic credentials.
 */
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final AuditLog audit;

  JsonSecurityErrors(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(response, 401, "unauthorized", "请先登录 / sign in first");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String user =
        request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    String path = request.getRequestURI();
    // the object id column is short: a long path is clipped there and kept whole in the detail
    audit.recordDenied(
        user, "http." + request.getMethod(), "path", path, path.length() > 64 ? path : null);
    write(response, 403, "forbidden", "无权执行此操作 / not allowed");
  }

  private static void write(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"status\":"
                + status
                + ",\"error\":\""
                + code
                + "\",\"message\":\""
                + message
                + "\",\"fields\":{}}");
  }
}
