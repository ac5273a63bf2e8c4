package org.civicflow.engine.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
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
    List<User> all = matching();
    if (page == null) {
      return all;
    }
    return all.stream().skip(page.getFirstResult()).limit(page.getMaxResults()).toList();
  }

  private List<User> matching() {
    List<User> candidates = groupId != null ? members() : view.allUsers();
    return candidates.stream()
        .filter(eq(id, User::getId))
        .filter(u -> ids == null || Arrays.asList(ids).contains(u.getId()))
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

  static <T> Predicate<T> eq(String expected, java.util.function.Function<T, String> field) {
    return t -> expected == null || expected.equals(field.apply(t));
  }

  /** Camunda's LIKE patterns use % as wildcard. */
  static <T> Predicate<T> like(String pattern, java.util.function.Function<T, String> field) {
    if (pattern == null) {
      return t -> true;
    }
    String regex =
        Arrays.stream(pattern.split("%", -1))
            .map(java.util.regex.Pattern::quote)
            .reduce((a, b) -> a + ".*" + b)
            .orElse("");
    return t -> field.apply(t) != null && field.apply(t).matches(regex);
  }
}
