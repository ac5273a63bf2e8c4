package org.civicflow.domain.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to users: sign-in, the engine's identity view, pickers. */
@Service
@Transactional(readOnly = true)
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

  public long count() {
    return users.count();
  }
}
