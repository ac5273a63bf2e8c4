package org.civicflow.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.civicflow.domain.audit.AuditContext;
import org.civicflow.domain.identity.SignInRecords;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt of a user name and address that failed too often just now (see {@link
 * SignInThrottle}), before the password is checked: the sign-in form goes back to the sign-in page
 * with a notice, an API request with HTTP Basic gets 429 with {@code Retry-After}. Every refusal is
 * in the audit log ({@code login.throttled}).
 */
class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;
  private final SignInRecords records;
  private final boolean api;

  private SignInThrottleFilter(SignInThrottle throttle, SignInRecords records, boolean api) {
    this.throttle = throttle;
    this.records = records;
    this.api = api;
  }

  /** For the sign-in form ({@code POST /login}). */
  static SignInThrottleFilter forForm(SignInThrottle throttle, SignInRecords records) {
    return new SignInThrottleFilter(throttle, records, false);
  }

  /** For API requests carrying HTTP Basic credentials. */
  static SignInThrottleFilter forBasic(SignInThrottle throttle, SignInRecords records) {
    return new SignInThrottleFilter(throttle, records, true);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = api ? basicUsername(request) : formUsername(request);
    if (username == null) {
      chain.doFilter(request, response);
      return;
    }
    Duration wait = throttle.retryAfter(SignInThrottle.key(username, AuditContext.remoteAddress()));
    if (wait.isZero() || wait.isNegative()) {
      chain.doFilter(request, response);
      return;
    }
    records.refusedThrottled(username);
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    if (api) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(seconds));
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"status\":429,\"error\":\"too_many_requests\",\"message\":\"登录失败次数过多,请"
                  + seconds
                  + "秒后再试 / too many failed sign-ins, try again in "
                  + seconds
                  + " s\",\"fields\":{}}");
    } else {
      response.setHeader("Retry-After", String.valueOf(seconds));
      response.sendRedirect(request.getContextPath() + "/login?throttled");
    }
  }

  private static String formUsername(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"POST".equals(request.getMethod()) || !"/login".equals(path)) {
      return null;
    }
    String username = request.getParameter("username");
    return username == null || username.isBlank() ? null : username.strip();
  }

  private static String basicUsername(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
