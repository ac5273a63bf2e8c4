package org.civicflow.engine.identity;

import static org.civicflow.engine.identity.InMemoryQuery.eq;
import static org.civicflow.engine.identity.InMemoryQuery.in;
import static org.civicflow.engine.identity.InMemoryQuery.like;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's user query, answered from our users (few enough to filter in memory). */
class CivicUserQuery extends UserQueryImpl {

  private final transient IdentityView view;

  CivicUserQuery(IdentityView view) {
    this.view = view;
  }

  CivicUserQuery(IdentityView view, CommandExecutor executor) {
    super(executor);
    this.view = view;
  }

  @Override
  public long executeCount(CommandContext commandContext) {
    return matching().size();
  }

  @Override
  public List<User> executeList(CommandContext commandContext, Page page) {
    return InMemoryQuery.page(matching(), page);
  }

  private List<User> matching() {
    List<User> candidates = groupId != null ? members() : view.allUsers();
    return candidates.stream()
        .filter(eq(id, User::getId))
        .filter(in(ids, User::getId))
        .filter(eq(firstName, User::getFirstName))
        .filter(like(firstNameLike, User::getFirstName))
        .filter(eq(lastName, User::getLastName))
        .filter(like(lastNameLike, User::getLastName))
        .filter(eq(email, User::getEmail))
        .filter(like(emailLike, User::getEmail))
        .filter(u -> tenantId == null)
        .sorted(Comparator.comparing(User::getId))
        .toList();
  }

  private List<User> members() {
    List<String> ids = view.membersOf(groupId);
    return view.allUsers().stream().filter(u -> ids.contains(u.getId())).toList();
  }
}
