package org.civicflow.engine.identity;

import static org.civicflow.engine.identity.InMemoryQuery.eq;
import static org.civicflow.engine.identity.InMemoryQuery.in;
import static org.civicflow.engine.identity.InMemoryQuery.like;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** Camunda's group query, answered from our roles and departments. */
class CivicGroupQuery extends GroupQueryImpl {

  private final transient IdentityView view;

  CivicGroupQuery(IdentityView view) {
    this.view = view;
  }

  CivicGroupQuery(IdentityView view, CommandExecutor executor) {
    super(executor);
    this.view = view;
  }

  @Override
  public long executeCount(CommandContext commandContext) {
    return matching().size();
  }

  @Override
  public List<Group> executeList(CommandContext commandContext, Page page) {
    return InMemoryQuery.page(matching(), page);
  }

  private List<Group> matching() {
    List<String> memberships = userId == null ? null : view.groupIdsOf(userId);
    return view.allGroups().stream()
        .filter(eq(id, Group::getId))
        .filter(in(ids, Group::getId))
        .filter(eq(name, Group::getName))
        .filter(like(nameLike, Group::getName))
        .filter(eq(type, Group::getType))
        .filter(g -> memberships == null || memberships.contains(g.getId()))
        .filter(g -> tenantId == null)
        .sorted(Comparator.comparing(Group::getId))
        .toList();
  }
}
