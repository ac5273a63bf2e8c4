package org.civicflow.portal.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in CivicFlow user. Knows whether the person must set a password of their own before
 * doing anything else ({@link PasswordChangeRequired}).
 */
class CivicPrincipal extends User {

  // unchanged: sessions stored before this field existed still read (it is then false)
  private static final long serialVersionUID = 1L;

  private final boolean mustChangePassword;

  CivicPrincipal(
      String username,
      String passwordHash,
      boolean enabled,
      boolean mustChangePassword,
      Collection<? extends GrantedAuthority> authorities) {
    super(username, passwordHash, enabled, true, true, true, authorities);
    this.mustChangePassword = mustChangePassword;
  }

  boolean mustChangePassword() {
    return mustChangePassword;
  }

  /** The same person after setting their own password (no password hash kept). */
  CivicPrincipal withPasswordChanged() {
    return new CivicPrincipal(getUsername(), "", isEnabled(), false, getAuthorities());
  }
}
