package org.civicflow.engine.proposal;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.civicflow.domain.assignment.Assignment;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.civicflow.domain.common.ForbiddenException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.ProposalLifecycle;
import org.civicflow.domain.reply.ReplyDraft;
import org.civicflow.domain.reply.ReplyDrafting;
import org.civicflow.engine.support.ActorContext;
import org.civicflow.engine.task.Caller;
import org.civicflow.processes.DepartmentHandlingVariables;
import org.civicflow.processes.HandlingVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions on a proposal outside the task list, each delivered to the process as a message (each
 * message name is caught by one model only, so the business key finds the instance): the proposer's
 * withdrawal, a handler's withdrawal of a submitted draft, a department's extension request; and
 * the registrar's key-item mark.
 */
@Service
public class ProposalActions {

  private final ProposalAccess access;
  private final ProposalLifecycle lifecycle;
  private final AssignmentManagement assignments;
  private final ReplyDrafting drafting;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AuditLog audit;
  private final org.civicflow.domain.publication.Publications publications;
  private final org.civicflow.domain.publication.ReplyPublishing publishing;

  ProposalActions(
      ProposalAccess access,
      ProposalLifecycle lifecycle,
      AssignmentManagement assignments,
      ReplyDrafting drafting,
      RuntimeService runtime,
      TaskService tasks,
      AuditLog audit,
      org.civicflow.domain.publication.Publications publications,
      org.civicflow.domain.publication.ReplyPublishing publishing) {
    this.publications = publications;
    this.publishing = publishing;
    this.access = access;
    this.lifecycle = lifecycle;
    this.assignments = assignments;
    this.drafting = drafting;
    this.runtime = runtime;
    this.tasks = tasks;
    this.audit = audit;
  }

  /** The proposer withdraws the proposal, only before a reply was sent (409 afterwards). */
  @Transactional
  public void withdraw(long proposalId, String reason, Caller caller) {
    Proposal p = access.visible(proposalId, caller);
    if (!caller.username().equals(p.getProposerUsername())) {
      audit.recordDenied(
          caller.username(), "proposal.withdraw", "proposal", String.valueOf(proposalId), null);
      throw new ForbiddenException("proposal.withdrawOwnOnly");
    }
    new FieldErrors().maxLength("reason", reason, 1000).throwIfAny();
    if (!p.getStatus().isWithdrawable()) {
      throw new ConflictException("proposal.notWithdrawable", proposalId, p.getStatus());
    }
    correlate(
        caller,
        () ->
            runtime
                .createMessageCorrelation("ProposalWithdrawn")
                .processInstanceBusinessKey(String.valueOf(proposalId))
                .setVariable("withdrawalReason", reason)
                .correlateWithResult());
  }

  /** A handler takes back the department's submitted draft before it was reviewed. */
  @Transactional
  public ReplyDraft withdrawDraft(long proposalId, int version, Caller caller) {
    ProposalView view = access.view(proposalId, caller);
    String department = caller.department();
    // a department released by a re-assignment keeps its record, but acts no more
    if (!caller.has(Role.HANDLER) || department == null || !view.handlesNow()) {
      audit.recordDenied(
          caller.username(), "draft.withdraw", "proposal", String.valueOf(proposalId), null);
      throw new ForbiddenException("draft.withdrawOwnDepartmentOnly");
    }
    ReplyDraft latest = drafting.latest(proposalId, department);
    if (latest.getVersion() != version) {
      throw new ConflictException("draft.notLatest", version, latest.getVersion());
    }
    ReplyDraft withdrawn = drafting.withdraw(proposalId, department, caller.username());
    correlate(
        caller,
        () ->
            runtime
                .createMessageCorrelation("DraftWithdrawn")
                .processInstanceBusinessKey(String.valueOf(proposalId))
                .processInstanceVariableEquals(HandlingVariables.DEPARTMENT, department)
                .correlateWithResult());
    return withdrawn;
  }

  /** A replying department asks for more time (at most the configured months). */
  @Transactional
  public void requestExtension(
      long proposalId, LocalDate newDueDate, String reason, Caller caller) {
    ProposalView view = access.view(proposalId, caller);
    String department = caller.department();
    // a department released by a re-assignment keeps its record, but acts no more
    if (!caller.has(Role.HANDLER) || department == null || !view.handlesNow()) {
      audit.recordDenied(
          caller.username(), "extension.request", "proposal", String.valueOf(proposalId), null);
      throw new ForbiddenException("extension.ownDepartmentOnly");
    }
    new FieldErrors()
        .required("newDueDate", newDueDate)
        .required("reason", reason)
        .maxLength("reason", reason, 1000)
        .throwIfAny();
    Assignment a = assignments.open(proposalId, department);
    if (!a.getRole().replies()) {
      throw new ConflictException("extension.notReplying", department);
    }
    LocalDate checked = assignments.checkExtension(proposalId, department, newDueDate);
    boolean pending =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(proposalId))
            .taskDefinitionKey("decideExtension")
            .list()
            .stream()
            .anyMatch(
                t -> department.equals(tasks.getVariable(t.getId(), HandlingVariables.DEPARTMENT)));
    if (pending) {
      throw new ConflictException("extension.pending", department);
    }
    correlate(
        caller,
        () ->
            runtime
                .createMessageCorrelation("ExtensionRequested")
                .processInstanceBusinessKey(String.valueOf(proposalId))
                .processInstanceVariableEquals(HandlingVariables.DEPARTMENT, department)
                .setVariables(
                    Map.of(
                        DepartmentHandlingVariables.REQUESTED_EXTENSION_DATE,
                        checked.toString(),
                        DepartmentHandlingVariables.EXTENSION_REASON,
                        reason.strip()))
                .correlateWithResult());
    audit.record(
        caller.username(),
        "extension.request",
        "proposal",
        String.valueOf(proposalId),
        department + " → " + checked + ": " + reason.strip());
  }

  /**
   * The registrar takes a published reply off the public site with a reason; the page then says it
   * was withdrawn, and nothing is deleted.
   */
  @Transactional
  public void withdrawPublication(
      long proposalId, long publicationId, String reason, Caller caller) {
    if (!caller.has(Role.REGISTRAR)) {
      audit.recordDenied(
          caller.username(),
          "reply.withdrawPublication",
          "proposal",
          String.valueOf(proposalId),
          null);
      throw new ForbiddenException("proposal.registrarOnly");
    }
    access.visible(proposalId, caller);
    boolean ofThisProposal =
        publications.of(proposalId).stream().anyMatch(x -> x.getId() == publicationId);
    if (!ofThisProposal) {
      throw new org.civicflow.domain.common.NotFoundException("publication", publicationId);
    }
    publishing.withdrawFromPublicSite(publicationId, reason, caller.username());
  }

  /** The registrar marks a proposal for leadership attention (重点督办), or clears the mark. */
  @Transactional
  public void markKey(long proposalId, boolean key, Caller caller) {
    if (!caller.has(Role.REGISTRAR)) {
      throw new ForbiddenException("proposal.registrarOnly");
    }
    access.visible(proposalId, caller);
    lifecycle.markKey(proposalId, key, caller.username());
  }

  private void correlate(Caller caller, Runnable correlation) {
    ActorContext.runAs(
        caller.username(),
        () -> {
          try {
            correlation.run();
          } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("proposal.stepMovedOn");
          }
          return null;
        });
  }
}
