package org.civicflow.portal.api;

import java.security.Principal;
import java.util.List;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserDirectory;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is. */
@RestController
class MeController {

  private final UserDirectory users;

  MeController(UserDirectory users) {
    this.users = users;
  }

  /** {@code {username, displayName, roles, department}}. */
  record Me(String username, String displayName, List<String> roles, String department) {}

  @GetMapping("/api/v1/me")
  Me me(Principal principal) {
    User u =
        users
            .find(principal.getName())
            .orElseThrow(() -> new InsufficientAuthenticationException("unknown user"));
    return new Me(
        u.getUsername(),
        u.getDisplayName(),
        u.getRoles().stream().map(Enum::name).sorted().toList(),
        u.getDepartmentCode());
  }
}
