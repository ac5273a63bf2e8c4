package org.civicflow.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The API's 401 and 403 in the contract's JSON form. No {@code WWW-Authenticate} challenge is sent:
 * browsers then never cache Basic credentials. Every refused sign-in — wrong password, unknown
 * user, disabled account, locked address, paced attempt — gets the same 401 body as a request
 * without credentials, byte for byte. Both are audited by {@link DeniedAccessAudit}.
 */
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    write(
        response,
        401,
        "unauthorized",
        "请先登录;用户名或密码错误时,多次失败后须稍候再试 / sign in first; after repeated wrong user"
            + " names or passwords, wait a while before trying again");
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

  /** 403 {@code password_change_required} (see {@link PasswordChangeRequired}). */
  static void passwordChangeRequired(HttpServletResponse response) throws IOException {
    write(
        response,
        403,
        "password_change_required",
        "请先修改密码(POST /api/v1/me/password) / set a password of your own first (POST"
            + " /api/v1/me/password)");
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
