package org.civicflow.domain.identity;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to users: sign-in, the engine's identity view, pickers, the administrator's list.
 *
 * <p>Every account carries a session version that changes whenever a signed-in session of it must
 * end: disabled, password reset, roles or department changed. A session remembers the version it
 * signed in with and is ended on its next request when the version differs (see {@link
 * #sessionVersion}).
 */
@Service
// Every read here is one statement: it joins the caller's transaction if there is one and
// otherwise runs on its own, without the three round trips of beginning and committing a
// transaction that would add nothing at READ COMMITTED (every request reads its account).
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class UserDirectory {

  private final UserMapper users;

  UserDirectory(UserMapper users) {
    this.users = users;
  }

  public Optional<User> find(String username) {
    return username == null ? Optional.empty() : users.findByUsername(username);
  }

  public List<User> all() {
    return users.findAll();
  }

  /** People holding a role, in one department or (with {@code null}) anywhere. */
  public List<User> withRole(Role role, String department) {
    return users.findByRole(role, department);
  }

  public List<User> find(List<String> usernames) {
    return usernames.isEmpty() ? List.of() : users.findByUsernames(usernames);
  }

  /** Users of a department, holding a role, enabled or not; {@code null} means any. */
  public List<User> search(String department, Role role, Boolean enabled) {
    return users.search(
        department == null || department.isBlank() ? null : department, role, enabled);
  }

  /**
   * The current session version of an enabled account; empty when the account is unknown or
   * disabled, i.e. no session of it may go on.
   */
  public OptionalLong sessionVersion(String username) {
    Long version = username == null ? null : users.findSessionVersion(username);
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }

  public long count() {
    return users.count();
  }
}
