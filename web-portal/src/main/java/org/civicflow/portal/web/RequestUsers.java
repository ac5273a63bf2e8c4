package org.civicflow.portal.web;

import java.util.Optional;
import org.civicflow.domain.identity.User;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The account read while authenticating the current request (HTTP Basic signs in on every request),
 * so that the same request does not read it again to learn the caller's roles and department. It
 * lives only as long as the request: a disabled account is refused on its next request, and a
 * signed-in session is checked against the database by the session-version check as before.
 */
public final class RequestUsers {

  private static final String ATTRIBUTE = RequestUsers.class.getName();

  private RequestUsers() {}

  /** Remembers the account just read for the current request, if there is one. */
  public static void remember(User user) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.setAttribute(ATTRIBUTE, user, RequestAttributes.SCOPE_REQUEST);
    }
  }

  /** The account of that name read earlier in the current request. */
  static Optional<User> readInThisRequest(String username) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request != null
            && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof User u
            && u.getUsername().equals(username)
        ? Optional.of(u)
        : Optional.empty();
  }
}
