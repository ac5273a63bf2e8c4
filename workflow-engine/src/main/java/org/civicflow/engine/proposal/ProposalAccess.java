package org.civicflow.engine.proposal;

import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.engine.task.Caller;
import org.springframework.stereotype.Component;

/**
 * Who may see a proposal: the registrar's office and admins all; department staff those assigned to
 * their department (never before assignment); a proposer their own. Others get "not found", so that
 * ids reveal nothing.
 */
@Component
public class ProposalAccess {

  private final Proposals proposals;
  private final AssignmentManagement assignments;

  ProposalAccess(Proposals proposals, AssignmentManagement assignments) {
    this.proposals = proposals;
    this.assignments = assignments;
  }

  /** The proposal if the caller may see it. */
  public Proposal visible(long id, Caller caller) {
    Proposal p = proposals.find(id).orElseThrow(() -> new NotFoundException("proposal", id));
    if (!canSee(p, caller)) {
      throw new NotFoundException("proposal", id);
    }
    return p;
  }

  public boolean canSee(Proposal p, Caller caller) {
    if (caller.has(Role.REGISTRAR) || caller.has(Role.ADMIN)) {
      return true;
    }
    if (caller.has(Role.PROPOSER) && caller.username().equals(p.getProposerUsername())) {
      return true;
    }
    return isStaffOfAssignedDepartment(p, caller);
  }

  /** Whether the caller works in a department that is (or was) assigned the proposal. */
  public boolean isStaffOfAssignedDepartment(Proposal p, Caller caller) {
    boolean staff =
        caller.has(Role.HANDLER) || caller.has(Role.REVIEWER) || caller.has(Role.LEADER);
    return staff
        && caller.department() != null
        && assignments.of(p.getId()).stream()
            .anyMatch(a -> a.getDepartmentCode().equals(caller.department()));
  }

  /**
   * Whether the caller sees the internal record (drafts, comments), not only the proposer's view.
   */
  public boolean seesInternals(Proposal p, Caller caller) {
    return caller.has(Role.REGISTRAR)
        || caller.has(Role.ADMIN)
        || isStaffOfAssignedDepartment(p, caller);
  }
}
