package org.civicflow.engine.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.processes.HandlingVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Element;

/**
 * A dry run of a new version: for each running instance of the current version, where it sits,
 * whether those steps still exist in the new model, and the migration mapping that would be
 * proposed (a step maps to the step with the same id and kind).
 */
@Service
public class ModelImpact {

  /** Instances listed at most; the count says how many there are in all. */
  static final int MAX_LISTED = 500;

  /** Where one instance sits. */
  public record Position(
      String activityId, String activityName, boolean existsInNew, String proposedTarget) {}

  /** One running instance of the current version. */
  public record Instance(
      String processInstanceId,
      Long proposalId,
      String proposalNumber,
      String title,
      String department,
      List<Position> activities) {}

  /** One step of the current version where instances sit, with its proposed target. */
  public record Mapping(String source, String sourceName, String target, String targetName) {}

  public record Report(
      String key,
      ModelKind kind,
      Integer currentVersion,
      String currentDefinitionId,
      int nextVersion,
      List<ModelProblem> problems,
      long runningInstances,
      List<Instance> instances,
      List<Mapping> mapping,
      List<Mapping> unmapped) {}

  private final ModelValidation validation;
  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final Proposals proposals;

  ModelImpact(
      ModelValidation validation,
      RepositoryService repository,
      RuntimeService runtime,
      Proposals proposals) {
    this.validation = validation;
    this.repository = repository;
    this.runtime = runtime;
    this.proposals = proposals;
  }

  @Transactional(readOnly = true)
  public Report of(ModelFile file) {
    ModelReport report = validation.validate(file);
    if (report.key() == null || report.kind() != ModelKind.BPMN) {
      return new Report(
          report.key(),
          report.kind(),
          null,
          null,
          1,
          report.problems(),
          0,
          List.of(),
          List.of(),
          List.of());
    }
    ProcessDefinition current =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(report.key())
            .latestVersion()
            .singleResult();
    if (current == null) {
      return new Report(
          report.key(),
          ModelKind.BPMN,
          null,
          null,
          1,
          report.problems(),
          0,
          List.of(),
          List.of(),
          List.of());
    }
    org.w3c.dom.Document doc = SafeXml.read(file).document();
    if (doc == null) {
      return new Report(
          report.key(),
          ModelKind.BPMN,
          null,
          null,
          1,
          report.problems(),
          0,
          List.of(),
          List.of(),
          List.of());
    }
    return compare(current, elements(doc.getDocumentElement()), report.problems());
  }

  /** The same dry run between two deployed versions of a process (for the migration page). */
  @Transactional(readOnly = true)
  public Report between(String sourceDefinitionId, String targetDefinitionId) {
    ProcessDefinition source = definition(sourceDefinitionId);
    ProcessDefinition target = definition(targetDefinitionId);
    org.w3c.dom.Document doc =
        SafeXml.read(new ModelFile("target.bpmn", xml(target.getId()))).document();
    Report report = compare(source, elements(doc.getDocumentElement()), List.of());
    return new Report(
        report.key(),
        report.kind(),
        report.currentVersion(),
        report.currentDefinitionId(),
        target.getVersion(),
        report.problems(),
        report.runningInstances(),
        report.instances(),
        report.mapping(),
        report.unmapped());
  }

  /** The flow nodes of a deployed process version: id, kind, name — the targets of a mapping. */
  @Transactional(readOnly = true)
  public List<Step> steps(String definitionId) {
    org.w3c.dom.Document doc =
        SafeXml.read(new ModelFile("steps.bpmn", xml(definition(definitionId).getId()))).document();
    List<Step> steps = new ArrayList<>();
    elements(doc.getDocumentElement())
        .forEach(
            (id, kindAndName) -> {
              if (STEP_KINDS.contains(kindAndName[0])) {
                steps.add(
                    new Step(id, kindAndName[0], kindAndName[1] == null ? id : kindAndName[1]));
              }
            });
    return steps;
  }

  /** A step of a model that an instance can wait in. */
  public record Step(String id, String kind, String name) {}

  static final java.util.Set<String> STEP_KINDS =
      java.util.Set.of(
          "userTask",
          "serviceTask",
          "sendTask",
          "receiveTask",
          "businessRuleTask",
          "callActivity",
          "subProcess",
          "intermediateCatchEvent",
          "boundaryEvent",
          "eventBasedGateway",
          "parallelGateway",
          "inclusiveGateway");

  private ProcessDefinition definition(String id) {
    ProcessDefinition d =
        repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (d == null) {
      throw new org.civicflow.domain.common.NotFoundException("processDefinition", id);
    }
    return d;
  }

  private byte[] xml(String definitionId) {
    try (java.io.InputStream in = repository.getProcessModel(definitionId)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Report compare(
      ProcessDefinition current, Map<String, String[]> next, List<ModelProblem> problems) {
    BpmnModelInstance old = repository.getBpmnModelInstance(current.getId());
    long running =
        runtime.createProcessInstanceQuery().processDefinitionId(current.getId()).count();
    List<Instance> instances = new ArrayList<>();
    Map<String, Mapping> mapping = new LinkedHashMap<>();
    Map<String, Mapping> unmapped = new LinkedHashMap<>();
    for (ProcessInstance pi :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionId(current.getId())
            .orderByProcessInstanceId()
            .asc()
            .listPage(0, MAX_LISTED)) {
      List<Position> positions = new ArrayList<>();
      for (String activityId : leaves(runtime.getActivityInstance(pi.getId()))) {
        ModelElementInstance before = old.getModelElementById(activityId);
        String type = before == null ? null : before.getElementType().getTypeName();
        String name = before == null ? activityId : nameOf(before, activityId);
        String[] after = next.get(activityId);
        boolean exists = after != null && after[0].equals(type);
        positions.add(new Position(activityId, name, exists, exists ? activityId : null));
        if (exists) {
          mapping.putIfAbsent(
              activityId,
              new Mapping(activityId, name, activityId, after[1] == null ? name : after[1]));
        } else {
          unmapped.putIfAbsent(activityId, new Mapping(activityId, name, null, null));
        }
      }
      instances.add(instance(pi, positions));
    }
    return new Report(
        current.getKey(),
        ModelKind.BPMN,
        current.getVersion(),
        current.getId(),
        current.getVersion() + 1,
        problems,
        running,
        instances,
        List.copyOf(mapping.values()),
        List.copyOf(unmapped.values()));
  }

  private Instance instance(ProcessInstance pi, List<Position> positions) {
    Object id = runtime.getVariable(pi.getId(), HandlingVariables.PROPOSAL_ID);
    Object department = runtime.getVariable(pi.getId(), HandlingVariables.DEPARTMENT);
    Long proposalId = id instanceof Number n ? n.longValue() : null;
    Proposal p = proposalId == null ? null : proposals.find(proposalId).orElse(null);
    return new Instance(
        pi.getId(),
        proposalId,
        p == null ? null : p.getNumber(),
        p == null ? null : p.getTitle(),
        department == null ? null : department.toString(),
        positions);
  }

  /** The steps an instance waits in (the leaves of its activity tree, async ones included). */
  static List<String> leaves(ActivityInstance root) {
    List<String> out = new ArrayList<>();
    collect(root, out);
    return out.stream().distinct().toList();
  }

  private static void collect(ActivityInstance a, List<String> out) {
    for (TransitionInstance t : a.getChildTransitionInstances()) {
      out.add(t.getActivityId());
    }
    if (a.getChildActivityInstances().length == 0 && a.getChildTransitionInstances().length == 0) {
      if (a.getParentActivityInstanceId() != null && !a.getActivityId().contains("#")) {
        out.add(a.getActivityId());
      }
      return;
    }
    for (ActivityInstance child : a.getChildActivityInstances()) {
      collect(child, out);
    }
  }

  private static String nameOf(ModelElementInstance e, String fallback) {
    String name = e.getAttributeValue("name");
    return name == null || name.isBlank() ? fallback : name;
  }

  /** Id to {element kind, name} of every element of the new model. */
  private static Map<String, String[]> elements(Element root) {
    Map<String, String[]> out = new LinkedHashMap<>();
    ElementWalk.walk(
        root,
        e -> {
          String id = e.getAttribute("id");
          if (!id.isEmpty() && ModelNames.BPMN.equals(e.getNamespaceURI())) {
            String name = e.getAttribute("name");
            out.put(id, new String[] {e.getLocalName(), name.isEmpty() ? null : name});
          }
          return true;
        });
    return out;
  }
}
