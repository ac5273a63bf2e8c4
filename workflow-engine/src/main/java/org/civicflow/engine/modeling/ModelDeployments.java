package org.civicflow.engine.modeling;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys an edited model as a new version, only after it passed every check. New proposals use the
 * new version; running ones stay on theirs until they are migrated.
 */
@Service
public class ModelDeployments {

  static final String SOURCE = "civicflow-admin";

  /** What was deployed. */
  public record Deployed(
      String key, ModelKind kind, int version, String definitionId, String deploymentId) {}

  private final ModelValidation validation;
  private final RepositoryService repository;
  private final ModelCatalogMapper catalog;
  private final AuditLog audit;
  private final Clock clock;

  ModelDeployments(
      ModelValidation validation,
      RepositoryService repository,
      ModelCatalogMapper catalog,
      AuditLog audit,
      Clock clock) {
    this.validation = validation;
    this.repository = repository;
    this.catalog = catalog;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @throws ModelRejectedException with every problem found; nothing is deployed then
   */
  @Transactional
  public Deployed deploy(ModelFile file, String comment, String actor) {
    new FieldErrors().maxLength("comment", comment, 1000).throwIfAny();
    ModelReport report = validation.validate(file);
    if (!report.valid()) {
      throw new ModelRejectedException(report);
    }
    DeploymentWithDefinitions deployment =
        repository
            .createDeployment()
            .name(SOURCE + ":" + report.key())
            .source(SOURCE)
            .addInputStream(
                report.kind().resourceName(report.key()), new ByteArrayInputStream(file.content()))
            .deployWithResult();
    ResourceDefinition definition =
        report.kind() == ModelKind.BPMN
            ? deployment.getDeployedProcessDefinitions().get(0)
            : deployment.getDeployedDecisionDefinitions().get(0);
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    catalog.insertDeployment(
        deployment.getId(),
        definition.getKey(),
        report.kind(),
        definition.getId(),
        definition.getVersion(),
        note,
        actor,
        Date.from(clock.instant()));
    audit.record(
        actor,
        "model.deploy",
        "model",
        definition.getKey(),
        "v" + definition.getVersion() + (note == null ? "" : ": " + note));
    return new Deployed(
        definition.getKey(),
        report.kind(),
        definition.getVersion(),
        definition.getId(),
        deployment.getId());
  }
}
