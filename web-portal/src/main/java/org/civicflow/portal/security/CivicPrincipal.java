package org.civicflow.portal.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in CivicFlow user. Knows whether the account had failed sign-ins when it was loaded, so
 * that a successful sign-in resets the count in the database only when there is one to reset (HTTP
 * Basic clients sign in on every request).
 */
class CivicPrincipal extends User {

  private static final long serialVersionUID = 1L;

  private final boolean hadFailures;

  CivicPrincipal(
      String username,
      String passwordHash,
      boolean enabled,
      boolean locked,
      boolean hadFailures,
      Collection<? extends GrantedAuthority> authorities) {
    super(username, passwordHash, enabled, true, true, !locked, authorities);
    this.hadFailures = hadFailures;
  }

  boolean hadFailures() {
    return hadFailures;
  }
}
