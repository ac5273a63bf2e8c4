package org.civicflow.domain.proposal;

import org.civicflow.domain.common.ConflictException;

/** A status move that the handling rules do not allow. */
public class IllegalStatusMoveException extends ConflictException {

  public IllegalStatusMoveException(long proposalId, ProposalStatus from, ProposalStatus to) {
    super("proposal.illegalStatusMove", proposalId, from, to);
  }
}
