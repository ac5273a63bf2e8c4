package org.civicflow.engine.proposal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.civicflow.engine.task.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagrams of a proposal's process instances (the main one and one per handling department),
 * each with the activities that are active now and those already completed. The registrar's office
 * sees all of them; a department assigned the proposal now sees the main one and its own handling
 * ({@link ProposalView}); the proposer and a released department none.
 */
@Service
public class ProcessDiagrams {

  private final ProposalAccess access;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final Map<String, String> xmlByDefinition = new ConcurrentHashMap<>();

  ProcessDiagrams(
      ProposalAccess access,
      HistoryService history,
      RuntimeService runtime,
      RepositoryService repository) {
    this.access = access;
    this.history = history;
    this.runtime = runtime;
    this.repository = repository;
  }

  /** One process instance's diagram and where it stands. */
  public record Diagram(
      String processInstanceId,
      String processDefinitionId,
      String processKey,
      int version,
      String department,
      boolean ended,
      String bpmnXml,
      List<String> activeActivityIds,
      List<String> completedActivityIds) {}

  @Transactional(readOnly = true)
  public List<Diagram> of(long proposalId, Caller caller) {
    ProposalView view = access.view(proposalId, caller);
    if (!view.seesAll() && !view.handlesNow()) {
      return List.of();
    }
    List<Diagram> out = new ArrayList<>();
    for (HistoricProcessInstance pi :
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(String.valueOf(proposalId))
            .orderByProcessInstanceStartTime()
            .asc()
            .list()) {
      String department = HandlingInstances.departmentOf(history, pi);
      boolean main = !HandlingInstances.DEPARTMENT_HANDLING.equals(pi.getProcessDefinitionKey());
      if (!main && !view.seesWorkOf(department)) {
        continue;
      }
      boolean ended = pi.getEndTime() != null;
      List<String> active = ended ? List.of() : runtime.getActiveActivityIds(pi.getId());
      List<String> completed =
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(pi.getId())
              .finished()
              .list()
              .stream()
              .map(HistoricActivityInstance::getActivityId)
              .distinct()
              .toList();
      out.add(
          new Diagram(
              pi.getId(),
              pi.getProcessDefinitionId(),
              pi.getProcessDefinitionKey(),
              pi.getProcessDefinitionVersion() == null ? 0 : pi.getProcessDefinitionVersion(),
              department,
              ended,
              xml(pi.getProcessDefinitionId()),
              active,
              completed));
    }
    return out;
  }

  private String xml(String definitionId) {
    return xmlByDefinition.computeIfAbsent(
        definitionId,
        id -> {
          try (InputStream in = repository.getProcessModel(id)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
