package org.civicflow.domain.proposal;

import java.time.Clock;
import org.civicflow.domain.audit.AuditLog;
import org.civicflow.domain.common.ConflictException;
import org.civicflow.domain.common.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposal-level steps of handling: acceptance, refusal, merge, withdrawal, closing and the
 * key-item mark. Every step is audited; illegal moves are refused by {@link ProposalStatus}.
 */
@Service
public class ProposalLifecycle {

  static final int MAX_REASON = 1000;

  private final Proposals proposals;
  private final AuditLog audit;
  private final Clock clock;

  ProposalLifecycle(Proposals proposals, AuditLog audit, Clock clock) {
    this.proposals = proposals;
    this.audit = audit;
    this.clock = clock;
  }

  /** 立案: the proposal goes to assignment. */
  @Transactional
  public Proposal accept(long id, String actor) {
    return move(id, ProposalStatus.ASSIGNING, null, actor, "proposal.accept");
  }

  /** 不予立案, with the reason the proposer is told. */
  @Transactional
  public Proposal refuse(long id, String reason, String actor) {
    checkReason("reason", reason);
    return move(id, ProposalStatus.REFUSED, reason.strip(), actor, "proposal.refuse");
  }

  /** 并案: handled together with another proposal of the same session. */
  @Transactional
  public Proposal merge(long id, long targetId, String reason, String actor) {
    Proposal proposal = proposals.get(id);
    Proposal target = proposals.get(targetId);
    if (id == targetId || target.getSessionId() != proposal.getSessionId()) {
      throw new ConflictException("proposal.mergeTarget", targetId);
    }
    if (target.getStatus().isFinal() && target.getStatus() != ProposalStatus.CLOSED) {
      throw new ConflictException("proposal.mergeTarget", targetId);
    }
    proposal.mergeInto(targetId, blankToNull(reason), clock.instant());
    proposals.save(proposal);
    audit.record(actor, "proposal.merge", "proposal", String.valueOf(id), "→ " + targetId);
    return proposal;
  }

  /** The assignment was made: departments handle it now. */
  @Transactional
  public Proposal startHandling(long id, String actor) {
    return move(id, ProposalStatus.HANDLING, null, actor, "proposal.assign");
  }

  /** An approved re-assignment request sends the proposal back to the registrar. */
  @Transactional
  public Proposal backToAssignment(long id, String actor) {
    Proposal p = proposals.get(id);
    if (p.getStatus() == ProposalStatus.ASSIGNING) {
      return p;
    }
    return move(id, ProposalStatus.ASSIGNING, null, actor, "proposal.reassign");
  }

  /** The proposer withdraws the proposal; only before a reply was sent. */
  @Transactional
  public Proposal withdraw(long id, String reason, String actor) {
    Proposal p = proposals.get(id);
    if (!p.getStatus().isWithdrawable()) {
      throw new ConflictException("proposal.notWithdrawable", id, p.getStatus());
    }
    return move(id, ProposalStatus.WITHDRAWN, blankToNull(reason), actor, "proposal.withdraw");
  }

  /** 办结: every department has finished. */
  @Transactional
  public Proposal close(long id, String actor) {
    return move(id, ProposalStatus.CLOSED, null, actor, "proposal.close");
  }

  /** Marks or unmarks the proposal for leadership attention (重点督办). */
  @Transactional
  public Proposal markKey(long id, boolean key, String actor) {
    Proposal p = proposals.get(id);
    if (p.isKeyItem() != key) {
      p.markKey(key, clock.instant());
      proposals.save(p);
      audit.record(
          actor,
          key ? "proposal.markKey" : "proposal.unmarkKey",
          "proposal",
          String.valueOf(id),
          null);
    }
    return p;
  }

  /** Links the proposal to the process instance that handles it. */
  @Transactional
  public void attachProcess(long id, String processInstanceId) {
    Proposal p = proposals.get(id);
    p.attachProcess(processInstanceId);
    proposals.save(p);
  }

  private Proposal move(
      long id, ProposalStatus target, String reason, String actor, String action) {
    Proposal p = proposals.get(id);
    p.moveTo(target, reason, clock.instant());
    proposals.save(p);
    audit.record(actor, action, "proposal", String.valueOf(id), reason);
    return p;
  }

  private static void checkReason(String field, String reason) {
    new FieldErrors().required(field, reason).maxLength(field, reason, MAX_REASON).throwIfAny();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
