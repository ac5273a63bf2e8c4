package org.civicflow.domain.assignment;

import java.time.Instant;
import org.civicflow.domain.proposal.Proposal;
import org.civicflow.domain.proposal.ProposalStatus;

/** Applies the departments' progress to the proposal, only while it is being handled. */
final class ProposalStatusFollower {

  private ProposalStatusFollower() {}

  static void follow(Proposal p, ProposalStatus summary, boolean several, Instant now) {
    ProposalStatus current = p.getStatus();
    if (current == ProposalStatus.ASSIGNING || current.isFinal()) {
      return;
    }
    p.followDepartments(summary, several, now);
  }
}
