package org.civicflow.engine.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.civicflow.engine.deployment.BuiltInModelMapper.DeployedVersion;
import org.civicflow.engine.deployment.BuiltInRevision.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a node does with the built-in models of its release when it starts. Per model, against the
 * highest revision the database knows: an older revision (a node of the previous release started
 * during a rolling upgrade) and the same revision change nothing; a newer one is deployed when the
 * model's current version is a built-in one, and waits for an admin ({@code PENDING}, its file kept
 * in the database for every node) when an admin made the current version.
 *
 * <p>All of it runs in one transaction holding Camunda's deployment lock (the row that Camunda's
 * own deployments lock), so nodes starting together decide one after the other: the second sees the
 * first one's rows and deploys nothing twice; an admin's deployment waits for it too.
 */
final class BuiltInUpgrade {

  static final String DEPLOYMENT_NAME = "civicflow-built-in-models";
  static final String SOURCE = "civicflow-classpath";
  private static final int ATTEMPTS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(BuiltInUpgrade.class);

  private final RepositoryService repository;
  private final BuiltInModelMapper mapper;
  private final TransactionTemplate transaction;
  private final Clock clock;

  BuiltInUpgrade(
      ProcessEngine engine,
      BuiltInModelMapper mapper,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.repository = engine.getRepositoryService();
    this.mapper = mapper;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The outcome per model key, in the order of the release. */
  Map<String, BuiltInOutcome> apply(List<BuiltInModel> release) {
    if (release.isEmpty()) {
      return Map.of();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> applyLocked(release));
      } catch (PessimisticLockingFailureException e) {
        // another node held the lock longer than the database waits for it (H2: briefly): again
        if (attempt == ATTEMPTS) {
          throw e;
        }
        LOG.info("Built-in models: waiting for another node's deployment ({})", attempt);
      }
    }
  }

  private Map<String, BuiltInOutcome> applyLocked(List<BuiltInModel> release) {
    // held until the transaction ends; Camunda's deployments lock the same row (except on H2,
    // where Camunda locks nothing: this lock is taken there too)
    mapper.lockDeployments();
    Date now = Date.from(clock.instant());
    Map<String, BuiltInOutcome> outcomes = new LinkedHashMap<>();
    List<BuiltInModel> toDeploy = new ArrayList<>();
    for (BuiltInModel model : release) {
      BuiltInOutcome outcome = decide(model, now);
      outcomes.put(model.key(), outcome);
      if (outcome == BuiltInOutcome.DEPLOYED) {
        toDeploy.add(model);
      }
    }
    if (!toDeploy.isEmpty()) {
      deploy(toDeploy, now);
    }
    LOG.info("Built-in models: {}", outcomes);
    return outcomes;
  }

  private BuiltInOutcome decide(BuiltInModel model, Date now) {
    List<BuiltInRevision> known = mapper.revisions(model.key());
    List<DeployedVersion> versions = mapper.versions(model.key(), model.kind());
    int highest = highest(known, versions);
    if (model.revision() < highest) {
      LOG.info(
          "Built-in model {} revision {} of this node is older than revision {} in the database:"
              + " left as it is",
          model.key(),
          model.revision(),
          highest);
      return BuiltInOutcome.OLDER;
    }
    if (model.revision() == highest) {
      if (!known.isEmpty() && !known.get(0).sha256().equals(model.sha256())) {
        LOG.warn(
            "Built-in model {} revision {} differs from the file of the same revision in the"
                + " database: raise its camunda:versionTag",
            model.key(),
            model.revision());
      }
      return BuiltInOutcome.KNOWN;
    }
    DeployedVersion current = versions.isEmpty() ? null : versions.get(0);
    DeployedVersion untagged =
        known.isEmpty() && highest == 0 ? untaggedCopy(model, versions) : null;
    if (untagged != null) {
      // deployed before built-in models had revisions: this revision is that version
      mapper.insert(
          model,
          model.sha256(),
          State.DEPLOYED,
          now,
          untagged.deploymentId(),
          untagged.definitionId());
      return BuiltInOutcome.KNOWN;
    }
    boolean builtInCurrent =
        current == null
            || SOURCE.equals(current.source())
            || known.stream()
                .anyMatch(
                    r ->
                        r.state() == State.ADOPTED
                            && current.deploymentId().equals(r.deploymentId()));
    if (builtInCurrent) {
      return BuiltInOutcome.DEPLOYED;
    }
    mapper.insert(model, model.sha256(), State.PENDING, now, null, null);
    LOG.warn(
        "Built-in model {} revision {} is not deployed: the current version {} was deployed by an"
            + " admin; a newer built-in version is now offered on /admin/models",
        model.key(),
        model.revision(),
        current.version());
    return BuiltInOutcome.PENDING;
  }

  /** The highest revision known: rows, and the version tags of built-in deployments. */
  private static int highest(List<BuiltInRevision> known, List<DeployedVersion> versions) {
    int highest = known.isEmpty() ? 0 : known.get(0).revision();
    for (DeployedVersion v : versions) {
      if (SOURCE.equals(v.source())
          && v.versionTag() != null
          && v.versionTag().matches("\\d{1,9}")) {
        highest = Math.max(highest, Integer.parseInt(v.versionTag()));
      }
    }
    return highest;
  }

  /** The newest built-in version, if it is this model's file without its revision. */
  private DeployedVersion untaggedCopy(BuiltInModel model, List<DeployedVersion> versions) {
    DeployedVersion builtIn =
        versions.stream().filter(v -> SOURCE.equals(v.source())).findFirst().orElse(null);
    if (builtIn == null || builtIn.versionTag() != null) {
      return null;
    }
    try (InputStream in =
        repository.getResourceAsStream(builtIn.deploymentId(), builtIn.resourceName())) {
      return model.isUntaggedCopy(in.readAllBytes()) ? builtIn : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deploy(List<BuiltInModel> models, Date now) {
    DeploymentBuilder builder =
        repository
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(SOURCE)
            .enableDuplicateFiltering(true);
    models.forEach(
        m -> builder.addInputStream(m.resourceName(), new ByteArrayInputStream(m.content())));
    DeploymentWithDefinitions deployed = builder.deployWithResult();
    for (BuiltInModel model : models) {
      ResourceDefinition definition = definition(deployed, model);
      // a file Camunda filtered as a duplicate is already a version: the newest built-in one
      DeployedVersion version =
          definition != null
              ? null
              : mapper.versions(model.key(), model.kind()).stream()
                  .filter(v -> SOURCE.equals(v.source()))
                  .findFirst()
                  .orElseThrow();
      mapper.insert(
          model,
          model.sha256(),
          State.DEPLOYED,
          now,
          definition != null ? definition.getDeploymentId() : version.deploymentId(),
          definition != null ? definition.getId() : version.definitionId());
      LOG.info("Built-in model {} revision {} deployed", model.key(), model.revision());
    }
  }

  private static ResourceDefinition definition(DeploymentWithDefinitions d, BuiltInModel model) {
    List<? extends ResourceDefinition> all =
        switch (model.kind()) {
          case BPMN -> d.getDeployedProcessDefinitions();
          case DMN -> d.getDeployedDecisionDefinitions();
        };
    return all == null
        ? null
        : all.stream()
            .filter(x -> Objects.equals(x.getKey(), model.key()))
            .findFirst()
            .orElse(null);
  }
}
