package org.civicflow.engine.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of the {@code processes} module when the engine starts. Only changed models
 * become new versions, and the deployment has its own name, so a restart never overrides a model
 * that an administrator deployed from the editor unless the built-in model itself changed.
 */
@Component
class BuiltInModelDeployment extends AbstractProcessEnginePlugin {

  static final String DEPLOYMENT_NAME = "civicflow-built-in-models";
  static final String SOURCE = "civicflow-classpath";
  private static final Logger LOG = LoggerFactory.getLogger(BuiltInModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DeploymentBuilder deployment =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(SOURCE)
            .enableDuplicateFiltering(true);
    int count = 0;
    try {
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      for (String pattern : new String[] {"classpath*:bpmn/*.bpmn", "classpath*:dmn/*.dmn"}) {
        for (Resource r : resolver.getResources(pattern)) {
          String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
          try (InputStream in = r.getInputStream()) {
            deployment.addInputStream(
                folder + r.getFilename(), new ByteArrayInputStream(in.readAllBytes()));
          }
          count++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in process models", e);
    }
    if (count == 0) {
      LOG.warn("No built-in process models found on the classpath");
      return;
    }
    var deployed = deployment.deployWithResult();
    LOG.info(
        "Built-in models: {} resources, {} process definitions newly deployed",
        count,
        deployed.getDeployedProcessDefinitions() == null
            ? 0
            : deployed.getDeployedProcessDefinitions().size());
  }
}
