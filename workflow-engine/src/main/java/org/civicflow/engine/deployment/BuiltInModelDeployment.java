package org.civicflow.engine.deployment;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Deploys the built-in models of this release when the engine starts (Camunda's auto-deployment is
 * off), as {@link BuiltInUpgrade} decides: only a revision newer than any the database knows, and
 * only over a built-in version — never over a version an administrator deployed from the editor,
 * nor over a newer release's model.
 *
 * <p>The models are read from {@code civicflow.models.built-in-location} ({@code classpath*:}, the
 * processes module): {@code bpmn/*.bpmn} and {@code dmn/*.dmn} under it. The mapper makes this
 * plugin, and so the engine, wait for Flyway's migrations (MyBatis depends on them).
 */
@Component
class BuiltInModelDeployment extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(BuiltInModelDeployment.class);

  private final BuiltInModelMapper mapper;
  private final PlatformTransactionManager transactions;
  private final Clock clock;
  private final String location;

  BuiltInModelDeployment(
      BuiltInModelMapper mapper,
      PlatformTransactionManager transactions,
      Clock clock,
      @Value("${civicflow.models.built-in-location:classpath*:}") String location) {
    this.mapper = mapper;
    this.transactions = transactions;
    this.clock = clock;
    this.location = location;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    List<BuiltInModel> release = BuiltInModel.read(location);
    if (release.isEmpty()) {
      LOG.warn("No built-in process models found at {}", location);
      return;
    }
    new BuiltInUpgrade(engine, mapper, transactions, clock).apply(release);
  }
}
