package org.civicflow.engine.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Installs {@link CivicIdentityProvider} as the engine's identity provider. */
@Component
class CivicIdentityPlugin extends AbstractProcessEnginePlugin {

  private final IdentityView view;

  CivicIdentityPlugin(IdentityView view) {
    this.view = view;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return ReadOnlyIdentityProvider.class;
          }

          @Override
          public Session openSession() {
            return new CivicIdentityProvider(view);
          }
        });
  }
}
