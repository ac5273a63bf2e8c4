package org.civicflow.engine.proposal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicflow.domain.assignment.Assignment;
import org.civicflow.domain.assignment.AssignmentManagement;
import org.civicflow.domain.assignment.AssignmentRole;
import org.civicflow.domain.assignment.AssignmentState;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.identity.Role;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.civicflow.engine.proposal.ProposalView.Standing;
import org.civicflow.engine.task.Caller;
import org.springframework.stereotype.Component;

/**
 * Who may see a proposal: the registrar's office and admins all; department staff those assigned to
 * their department (never before assignment); a proposer their own. Others get "not found", so that
 * ids reveal nothing. What each of them sees of it is its {@link ProposalView}.
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
    return departmentalAssignment(assignments.of(p.getId()), caller).isPresent();
  }

  /**
   * What the caller sees of a proposal they may see.
   *
   * @throws NotFoundException no such proposal, or not one the caller may see
   */
  public ProposalView view(long id, Caller caller) {
    return view(visible(id, caller), caller);
  }

  /** What the caller sees of a proposal they may see. */
  public ProposalView view(Proposal p, Caller caller) {
    if (caller.has(Role.REGISTRAR) || caller.has(Role.ADMIN)) {
      return new ProposalView(Standing.ALL, null, null, Set.of());
    }
    List<Assignment> all = assignments.of(p.getId());
    Optional<Assignment> own = departmentalAssignment(all, caller);
    if (own.isEmpty()) {
      if (!caller.username().equals(p.getProposerUsername())) {
        throw new NotFoundException("proposal", p.getId());
      }
      return new ProposalView(Standing.PROPOSER, null, null, Set.of());
    }
    Set<String> leads =
        all.stream()
            .filter(
                a -> a.getRole() == AssignmentRole.LEAD && a.getState() != AssignmentState.RELEASED)
            .map(Assignment::getDepartmentCode)
            .collect(Collectors.toSet());
    Assignment latest = own.get();
    if (latest.getState() == AssignmentState.RELEASED) {
      Instant releasedAt =
          latest.getCompletedAt() == null ? Instant.EPOCH : latest.getCompletedAt();
      return new ProposalView(Standing.RELEASED, caller.department(), releasedAt, leads);
    }
    Standing standing =
        latest.getRole() == AssignmentRole.CO ? Standing.CO_HANDLING : Standing.HANDLING;
    return new ProposalView(standing, caller.department(), null, leads);
  }

  /** The latest assignment of the caller's department, if the caller is its staff. */
  private static Optional<Assignment> departmentalAssignment(List<Assignment> all, Caller caller) {
    boolean staff =
        caller.has(Role.HANDLER) || caller.has(Role.REVIEWER) || caller.has(Role.LEADER);
    if (!staff || caller.department() == null) {
      return Optional.empty();
    }
    return all.stream()
        .filter(a -> a.getDepartmentCode().equals(caller.department()))
        .max(Comparator.comparing(Assignment::getId));
  }
}
