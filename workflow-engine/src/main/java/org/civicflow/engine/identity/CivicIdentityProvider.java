package org.civicflow.engine.identity;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The engine's read-only view of our identity: users, departments and roles are maintained in
 * CivicFlow's own tables, never through Camunda's identity service.
 */
class CivicIdentityProvider implements ReadOnlyIdentityProvider {

  private final IdentityView view;

  CivicIdentityProvider(IdentityView view) {
    this.view = view;
  }

  @Override
  public User findUserById(String userId) {
    return view.user(userId).orElse(null);
  }

  @Override
  public UserQuery createUserQuery() {
    return new CivicUserQuery(
        view, Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public UserQuery createUserQuery(CommandContext commandContext) {
    return new CivicUserQuery(view);
  }

  @Override
  public NativeUserQuery createNativeUserQuery() {
    throw new UnsupportedOperationException("Native user queries are not supported by CivicFlow");
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    return view.checkPassword(userId, password);
  }

  @Override
  public Group findGroupById(String groupId) {
    return view.allGroups().stream()
        .filter(g -> g.getId().equals(groupId))
        .findFirst()
        .orElse(null);
  }

  @Override
  public GroupQuery createGroupQuery() {
    return new CivicGroupQuery(
        view, Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public GroupQuery createGroupQuery(CommandContext commandContext) {
    return new CivicGroupQuery(view);
  }

  @Override
  public Tenant findTenantById(String tenantId) {
    return null;
  }

  @Override
  public TenantQuery createTenantQuery() {
    return new CivicTenantQuery(
        Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new CivicTenantQuery();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
