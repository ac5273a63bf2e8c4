package org.civicflow.engine.deployment;

import java.util.Date;
import org.civicflow.engine.modeling.ModelKind;

/**
 * A revision of a built-in model that a node found at start-up, and what became of it.
 *
 * @param deploymentId the deployment that made it a version: the start-up's ({@code DEPLOYED}) or
 *     the admin's ({@code ADOPTED}); null while pending or kept
 * @param decidedBy the admin who deployed or declined it; null otherwise
 */
public record BuiltInRevision(
    String key,
    int revision,
    ModelKind kind,
    String resourceName,
    String sha256,
    State state,
    Date foundAt,
    String deploymentId,
    String definitionId,
    String decidedBy,
    Date decidedAt) {

  /** What became of a revision. */
  public enum State {
    /** Deployed at start-up: the model's current version was a built-in one. */
    DEPLOYED,
    /** Waiting for an admin: the current version is an admin's. */
    PENDING,
    /** Deployed by an admin, as version n+1. */
    ADOPTED,
    /** Declined by an admin, who keeps their own version. */
    KEPT
  }
}
