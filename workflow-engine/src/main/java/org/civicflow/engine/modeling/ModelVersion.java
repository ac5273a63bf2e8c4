package org.civicflow.engine.modeling;

import java.util.Date;

/**
 * One deployed version of a model.
 *
 * @param id the Camunda definition id (process or decision)
 * @param deployedBy the admin who deployed it from the editor; null for the built-in models
 * @param runningInstances running process instances of this version (0 for decisions)
 * @param builtInRevision the revision of the built-in model this version is (deployed at start-up,
 *     or by an admin who took it over their own version); null for the admins' own versions
 */
public record ModelVersion(
    String id,
    String key,
    String name,
    ModelKind kind,
    int version,
    String deploymentId,
    Date deployedAt,
    String deployedBy,
    String comment,
    long runningInstances,
    Integer builtInRevision) {}
