package org.civicflow.engine.deployment;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.civicflow.engine.modeling.ModelKind;

/** The built-in revisions a database knows (cf_builtin_model), and the versions of a model. */
@Mapper
interface BuiltInModelMapper {

  /**
   * A deployed version of a model as the start-up sees it.
   *
   * @param source the deployment's source: built-in, admin, or anything else
   */
  record DeployedVersion(
      String definitionId,
      int version,
      String deploymentId,
      String source,
      String versionTag,
      String resourceName) {}

  /** Locks Camunda's deployment lock row until the transaction ends. */
  String lockDeployments();

  /** The revisions of a model, highest first. */
  List<BuiltInRevision> revisions(@Param("key") String key);

  /** The deployed versions of a model, newest first. */
  List<DeployedVersion> versions(@Param("key") String key, @Param("kind") ModelKind kind);

  /** The highest revision of each model, where it is pending. */
  List<BuiltInRevision> pending();

  Optional<byte[]> content(@Param("key") String key, @Param("revision") int revision);

  int insert(
      @Param("model") BuiltInModel model,
      @Param("sha256") String sha256,
      @Param("state") BuiltInRevision.State state,
      @Param("foundAt") Date foundAt,
      @Param("deploymentId") String deploymentId,
      @Param("definitionId") String definitionId);

  /** Decides a pending revision; 0 when it is no longer pending (another admin was first). */
  int decide(
      @Param("key") String key,
      @Param("revision") int revision,
      @Param("state") BuiltInRevision.State state,
      @Param("decidedBy") String decidedBy,
      @Param("decidedAt") Date decidedAt);

  /** The deployment of an adopted revision, once the admin's deployment made it. */
  int adopted(
      @Param("key") String key,
      @Param("revision") int revision,
      @Param("deploymentId") String deploymentId,
      @Param("definitionId") String definitionId);
}
