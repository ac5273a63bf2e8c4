package org.civicflow.engine.modeling;

import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The deployed versions of every model, joined with who deployed them and how many instances run.
 */
@Mapper
interface ModelCatalogMapper {

  /** Process versions, newest first per key. */
  List<ModelVersion> processVersions();

  /** Decision versions, newest first per key. */
  List<ModelVersion> decisionVersions();

  int insertDeployment(
      @Param("deploymentId") String deploymentId,
      @Param("key") String key,
      @Param("kind") ModelKind kind,
      @Param("definitionId") String definitionId,
      @Param("version") int version,
      @Param("comment") String comment,
      @Param("deployedBy") String deployedBy,
      @Param("deployedAt") Date deployedAt);
}
