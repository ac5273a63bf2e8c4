package org.civicflow.engine.deployment;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.engine.deployment.BuiltInRevision.State;
import org.civicflow.engine.modeling.ModelDeployments;
import org.civicflow.engine.modeling.ModelFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newer built-in revisions that wait for an admin because the admin's own version is current, and
 * the admin's decision on each: deploy it (as version n+1, through the same validation as any
 * deployment from the editor) or keep their own. Either decision ends the notice for that revision;
 * a later revision of the model is offered again.
 */
@Service
public class BuiltInVersions {

  private final BuiltInModelMapper mapper;
  private final ModelDeployments deployments;
  private final AuditLog audit;
  private final Clock clock;
  private final ProcessEngine engine;
  private final PlatformTransactionManager transactions;

  BuiltInVersions(
      BuiltInModelMapper mapper,
      ModelDeployments deployments,
      AuditLog audit,
      Clock clock,
      ProcessEngine engine,
      PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.deployments = deployments;
    this.audit = audit;
    this.clock = clock;
    this.engine = engine;
    this.transactions = transactions;
  }

  /** The pending revision of each model that has one (the highest revision, undecided). */
  @Transactional(readOnly = true)
  public List<BuiltInRevision> pending() {
    return mapper.pending();
  }

  /** The pending revision of a model, if any. */
  @Transactional(readOnly = true)
  public Optional<BuiltInRevision> pending(String key) {
    return mapper.pending().stream().filter(r -> r.key().equals(key)).findFirst();
  }

  /**
   * A pending revision, as offered to the admin.
   *
   * @throws NotFoundException unless it is the model's pending revision
   */
  @Transactional(readOnly = true)
  public BuiltInRevision pending(String key, int revision) {
    return pending(key)
        .filter(r -> r.revision() == revision)
        .orElseThrow(() -> new NotFoundException("builtInModel", key + " r" + revision));
  }

  /** The file of a pending revision. */
  @Transactional(readOnly = true)
  public byte[] content(String key, int revision) {
    pending(key, revision);
    return mapper.content(key, revision).orElseThrow();
  }

  /**
   * Deploys a pending revision as the model's next version, with the admin as its deployer.
   *
   * @throws org.civicflow.engine.modeling.ModelRejectedException when it fails the checks (nothing
   *     is deployed or decided then)
   * @throws ConflictException when another admin decided first
   */
  @Transactional
  public ModelDeployments.Deployed deploy(String key, int revision, String comment, String actor) {
    BuiltInRevision pending = pending(key, revision);
    Date now = Date.from(clock.instant());
    // decided first: the row lock makes a second admin's click wait, then find it decided
    if (mapper.decide(key, revision, State.ADOPTED, actor, now) != 1) {
      throw new ConflictException("builtIn.decided", key, revision);
    }
    ModelDeployments.Deployed deployed =
        deployments.deploy(
            new ModelFile(
                pending.kind().resourceName(key), mapper.content(key, revision).orElseThrow()),
            comment,
            actor);
    mapper.adopted(key, revision, deployed.deploymentId(), deployed.definitionId());
    audit.record(
        actor, "model.builtIn.deploy", "model", key, "r" + revision + " → v" + deployed.version());
    return deployed;
  }

  /**
   * Keeps the admin's version: the notice of this revision ends.
   *
   * @return the revision as decided
   * @throws ConflictException when another admin decided first
   */
  @Transactional
  public BuiltInRevision keep(String key, int revision, String actor) {
    pending(key, revision);
    Date now = Date.from(clock.instant());
    if (mapper.decide(key, revision, State.KEPT, actor, now) != 1) {
      throw new ConflictException("builtIn.decided", key, revision);
    }
    audit.record(actor, "model.builtIn.keep", "model", key, "r" + revision);
    return mapper.revisions(key).stream()
        .filter(r -> r.revision() == revision)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Does what a node's start-up does with these built-in models (the release it ships): for tests
   * that play several releases on one database.
   */
  public Map<String, BuiltInOutcome> upgrade(List<BuiltInModel> release) {
    return new BuiltInUpgrade(engine, mapper, transactions, clock).apply(release);
  }
}
