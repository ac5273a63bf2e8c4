package org.civicflow.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests that the firewall refuses before any chain runs (a {@code ..} or {@code %2e} in the
 * path, a forbidden character): 400 in the contract's JSON on the API, the error page elsewhere —
 * instead of the container's default body.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.sendError(400);
      return;
    }
    response.setStatus(400);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"status\":400,\"error\":\"malformed\",\"message\":\"请求地址无效 / the request path"
                + " is not allowed\",\"fields\":{}}");
  }
}
