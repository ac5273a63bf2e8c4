package org.civicflow.portal.security;

import java.util.List;
import org.civicflow.domain.identity.User;
import org.civicflow.domain.identity.UserDirectory;
import org.civicflow.portal.web.RequestUsers;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Signs people in against CivicFlow's own users; roles become {@code ROLE_*} authorities. Not a
 * bean of its own: {@link LockoutAuthenticationProvider} uses it, and Spring Security would
 * otherwise build a second password check around it.
 */
class CivicUserDetailsService implements UserDetailsService {

  private final UserDirectory users;

  CivicUserDetailsService(UserDirectory users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    User user =
        users.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    RequestUsers.remember(user);
    List<SimpleGrantedAuthority> authorities =
        user.getRoles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    return new CivicPrincipal(
        user.getUsername(),
        user.getPasswordHash(),
        user.isEnabled(),
        user.isMustChangePassword(),
        authorities);
  }
}
