package org.civicflow.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The API's 401 and 403 in the contract's JSON form. No {@code WWW-Authenticate} challenge is sent:
 * browsers then never cache Basic credentials. A locked account is told so (after the lock, saying
 * it leaks nothing worth guessing); wrong password, unknown user and disabled account get the same
 * answer. Both are audited by {@link DeniedAccessAudit}.
 */
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof LockedException) {
      write(
          response,
          401,
          "account_locked",
          "账号因多次登录失败已被锁定,请联系管理员解锁 / the account is locked after repeated failed"
              + " sign-ins; an administrator can unlock it");
    } else {
      write(response, 401, "unauthorized", "请先登录 / sign in first");
    }
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      // the API's only CSRF refusal: a request with the session cookie and no (or a wrong) token
      write(
          response,
          403,
          "forbidden",
          "带会话 Cookie 的请求须附 CSRF 令牌 / a request with the session cookie needs the CSRF"
              + " token (HTTP Basic clients send no cookie)");
    } else {
      write(response, 403, "forbidden", "无权执行此操作 / not allowed");
    }
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
