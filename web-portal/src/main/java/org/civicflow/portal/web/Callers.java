package org.civicflow.portal.web;

import java.security.Principal;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.engine.task.Caller;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Component;

/** The signed-in person of a request, as the engine's services expect them. */
@Component
public class Callers {

  private final UserDirectory users;

  Callers(UserDirectory users) {
    this.users = users;
  }

  public Caller of(Principal principal) {
    if (principal == null) {
      throw new InsufficientAuthenticationException("not signed in");
    }
    return RequestUsers.readInThisRequest(principal.getName())
        .or(() -> users.find(principal.getName()))
        .filter(u -> u.isEnabled())
        .map(Caller::of)
        .orElseThrow(() -> new InsufficientAuthenticationException("unknown user"));
  }
}
