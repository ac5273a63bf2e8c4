package org.civicflow.domain.assignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicflow.domain.common.ConcurrentChangeException;
import org.civicflow.domain.common.NotFoundException;
import org.civicflow.domain.common.TransactionScoped;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.Proposals;
import org.springframework.stereotype.Component;

/**
 * A proposal's assignments as {@link AssignmentManagement} works on them: read once per
 * transaction, saved version-checked, and the proposal's status brought in line with the
 * departments' progress.
 */
@Component
class ProposalAssignments {

  private final AssignmentMapper assignments;
  private final TransactionScoped<Long, List<Assignment>> read = new TransactionScoped<>();
  private final Proposals proposals;
  private final Clock clock;

  ProposalAssignments(AssignmentMapper assignments, Proposals proposals, Clock clock) {
    this.assignments = assignments;
    this.proposals = proposals;
    this.clock = clock;
  }

  /** Stores a new assignment; the proposal's are read again when next asked for, as stored. */
  void insert(Assignment a) {
    assignments.insert(a);
    // the database keeps whole seconds
    Map<Long, List<Assignment>> known = read.map();
    if (known != null) {
      known.remove(a.getProposalId());
    }
  }

  /**
   * The open assignment of the department among the proposal's assignments, as {@link
   * AssignmentManagement#open} finds it (the latest one), so that a step reads the proposal's
   * assignments once.
   */
  static Assignment openIn(List<Assignment> all, long proposalId, String department) {
    Assignment open = null;
    for (Assignment a : all) {
      if (a.getState().isOpen() && a.getDepartmentCode().equals(department)) {
        open = a; // ordered by id: the last one is the latest
      }
    }
    if (open == null) {
      throw new NotFoundException("assignment", proposalId + "/" + department);
    }
    return open;
  }

  /**
   * Applies the departments' progress ({@code all}, the proposal's assignments as they are now) to
   * the proposal. The proposal is saved even when its status stays: the version-checked write makes
   * two departments' concurrent steps, each seeing only its own change at READ COMMITTED, conflict
   * and the later one retry with both changes, instead of both leaving a stale status.
   */
  void follow(long proposalId, List<Assignment> all) {
    HandlingProgress.summarize(all)
        .ifPresent(
            status -> {
              Proposal p = proposals.get(proposalId);
              ProposalStatusFollower.follow(
                  p, status, HandlingProgress.severalReplying(all), clock.instant());
              proposals.save(p);
            });
  }

  /**
   * The proposal's assignments, ordered by id: read once per transaction (and again after new ones
   * were created), then the same instances as since changed — a step of the handling asks for them
   * in the task step, in the delegates and expressions of the completion and in its notices (15
   * reads per lifecycle before, docs/performance.md).
   */
  List<Assignment> all(long proposalId) {
    Map<Long, List<Assignment>> known = read.map();
    if (known == null) {
      return assignments.findByProposal(proposalId);
    }
    List<Assignment> all = known.get(proposalId);
    if (all == null) {
      // the proposal first: the version that follow() saves against is then never older than
      // the assignments it summarizes, so concurrent steps of two departments still conflict
      proposals.find(proposalId);
      all = new ArrayList<>(assignments.findByProposal(proposalId));
      known.put(proposalId, all);
    }
    return all;
  }

  void save(Assignment a) {
    if (assignments.update(a) != 1) {
      throw new ConcurrentChangeException("assignment.concurrentChange", a.getId());
    }
    a.versionSaved();
  }
}
