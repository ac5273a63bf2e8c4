package org.civicflow.engine.modeling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.DomainException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.processes.HandlingVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of one version of a process to another with Camunda's migration: the
 * proposed mapping (same step id and kind) or one the admin edited. Each instance moves in its own
 * transaction, so the result is reported per instance and a refusal for one leaves the others.
 */
@Service
public class ModelMigrations {

  /** Instances migrated at most per request. */
  public static final int MAX_INSTANCES = 200;

  /** The admin's mapping of one step; replaces the proposed mapping of that step. */
  public record ActivityMapping(String source, String target) {}

  public record Request(
      String sourceDefinitionId,
      String targetDefinitionId,
      List<String> processInstanceIds,
      List<ActivityMapping> mapping) {}

  /**
   * @param message a message key of the modeling bundle: migrated, or why not
   */
  public record Result(
      String processInstanceId, Long proposalId, boolean migrated, String message, String detail) {}

  /** The plan itself is refused by the engine (a step has no valid target, say). */
  public static class PlanRefusedException extends DomainException {
    PlanRefusedException(String detail) {
      super("migration.planInvalid", detail);
    }
  }

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final AuditLog audit;
  private final TransactionTemplate transactions;

  ModelMigrations(
      RepositoryService repository,
      RuntimeService runtime,
      AuditLog audit,
      PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.runtime = runtime;
    this.audit = audit;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  public List<Result> migrate(Request request, String actor) {
    List<String> ids =
        request.processInstanceIds() == null ? List.of() : request.processInstanceIds();
    FieldErrors errors =
        new FieldErrors()
            .required("sourceDefinitionId", request.sourceDefinitionId())
            .required("targetDefinitionId", request.targetDefinitionId());
    errors.check(!ids.isEmpty(), "processInstanceIds", "validation.required");
    errors.check(ids.size() <= MAX_INSTANCES, "processInstanceIds", "migration.tooMany");
    errors.throwIfAny();
    ProcessDefinition source = definition(request.sourceDefinitionId());
    ProcessDefinition target = definition(request.targetDefinitionId());
    new FieldErrors()
        .check(
            source.getKey().equals(target.getKey()), "targetDefinitionId", "migration.otherProcess")
        .check(
            !source.getId().equals(target.getId()), "targetDefinitionId", "migration.sameVersion")
        .throwIfAny();
    MigrationPlan plan = plan(source, target, request.mapping());
    Set<String> onSource = new HashSet<>();
    for (ProcessInstance pi :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionId(source.getId())
            .processInstanceIds(new HashSet<>(ids))
            .list()) {
      onSource.add(pi.getId());
    }
    List<Result> results = new ArrayList<>();
    for (String id : ids.stream().distinct().toList()) {
      if (!onSource.contains(id)) {
        results.add(new Result(id, null, false, "migration.notOnSource", null));
        continue;
      }
      results.add(migrateOne(plan, id, source, target, actor));
    }
    return results;
  }

  private Result migrateOne(
      MigrationPlan plan,
      String processInstanceId,
      ProcessDefinition source,
      ProcessDefinition target,
      String actor) {
    Object proposal = runtime.getVariable(processInstanceId, HandlingVariables.PROPOSAL_ID);
    Long proposalId = proposal instanceof Number n ? n.longValue() : null;
    try {
      transactions.executeWithoutResult(
          status -> {
            runtime.newMigration(plan).processInstanceIds(processInstanceId).execute();
            audit.record(
                actor,
                "model.migrate",
                proposalId == null ? "processInstance" : "proposal",
                proposalId == null ? processInstanceId : String.valueOf(proposalId),
                source.getKey() + " v" + source.getVersion() + " → v" + target.getVersion());
          });
      return new Result(processInstanceId, proposalId, true, "migration.done", null);
    } catch (MigratingProcessInstanceValidationException e) {
      return new Result(
          processInstanceId, proposalId, false, "migration.instanceRefused", brief(e.getMessage()));
    } catch (ProcessEngineException e) {
      return new Result(
          processInstanceId, proposalId, false, "migration.failed", brief(e.getMessage()));
    }
  }

  /** The proposed mapping (equal steps), with the admin's edits replacing it step by step. */
  MigrationPlan plan(
      ProcessDefinition source, ProcessDefinition target, List<ActivityMapping> edits) {
    Map<String, String> edited = new HashMap<>();
    if (edits != null) {
      for (ActivityMapping m : edits) {
        if (m.source() != null && !m.source().isBlank()) {
          edited.put(m.source().strip(), m.target() == null ? "" : m.target().strip());
        }
      }
    }
    try {
      MigrationPlan proposed =
          runtime
              .createMigrationPlan(source.getId(), target.getId())
              .mapEqualActivities()
              .updateEventTriggers()
              .build();
      if (edited.isEmpty()) {
        return proposed;
      }
      MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
      for (MigrationInstruction i : proposed.getInstructions()) {
        if (!edited.containsKey(i.getSourceActivityId())) {
          MigrationInstructionBuilder b =
              builder.mapActivities(i.getSourceActivityId(), i.getTargetActivityId());
          if (i.isUpdateEventTrigger()) {
            b.updateEventTrigger();
          }
        }
      }
      edited.forEach(
          (from, to) -> {
            if (!to.isEmpty()) {
              builder.mapActivities(from, to);
            }
          });
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      throw new PlanRefusedException(brief(e.getMessage()));
    }
  }

  private ProcessDefinition definition(String id) {
    ProcessDefinition d =
        repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (d == null) {
      throw new NotFoundException("processDefinition", id);
    }
    return d;
  }

  private static String brief(String message) {
    if (message == null) {
      return "";
    }
    String m = message.replaceAll("\\s+", " ").strip();
    return m.length() > 500 ? m.substring(0, 500) + "…" : m;
  }
}
