package org.civicflow.engine.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.civicflow.domain.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The deployed process and decision models with their versions. */
@Service
public class ModelCatalog {

  /** A model with its versions, newest first. */
  public record Model(String key, String name, ModelKind kind, List<ModelVersion> versions) {

    public ModelVersion latest() {
      return versions.get(0);
    }

    public long runningInstances() {
      return versions.stream().mapToLong(ModelVersion::runningInstances).sum();
    }
  }

  private final ModelCatalogMapper mapper;
  private final RepositoryService repository;

  ModelCatalog(ModelCatalogMapper mapper, RepositoryService repository) {
    this.mapper = mapper;
    this.repository = repository;
  }

  /** Processes first, then decisions, each by key. */
  @Transactional(readOnly = true)
  public List<Model> models() {
    List<Model> models = new ArrayList<>();
    models.addAll(group(mapper.processVersions()));
    models.addAll(group(mapper.decisionVersions()));
    return models;
  }

  private static List<Model> group(List<ModelVersion> versions) {
    Map<String, List<ModelVersion>> byKey = new LinkedHashMap<>();
    versions.forEach(v -> byKey.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v));
    return byKey.values().stream()
        .map(vs -> new Model(vs.get(0).key(), vs.get(0).name(), vs.get(0).kind(), List.copyOf(vs)))
        .toList();
  }

  /** One version by its definition id. */
  @Transactional(readOnly = true)
  public ModelVersion version(String definitionId) {
    return models().stream()
        .flatMap(m -> m.versions().stream())
        .filter(v -> v.id().equals(definitionId))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("model", definitionId));
  }

  /** The XML of a deployed version, as deployed. */
  @Transactional(readOnly = true)
  public String xml(String definitionId) {
    ModelVersion v = version(definitionId);
    try (InputStream in =
        v.kind() == ModelKind.BPMN
            ? repository.getProcessModel(definitionId)
            : repository.getDecisionModel(definitionId)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
