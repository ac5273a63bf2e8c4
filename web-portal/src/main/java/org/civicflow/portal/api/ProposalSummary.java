package org.civicflow.portal.api;

import java.time.Instant;
import org.civicflow.domain.proposal.Proposal;

/** A proposal in a list. */
public record ProposalSummary(
    long id,
    String session,
    String number,
    String type,
    String title,
    String category,
    String proposer,
    String delegation,
    Instant submittedAt,
    String status,
    boolean keyItem,
    Instant updatedAt) {

  static ProposalSummary of(Proposal p) {
    return new ProposalSummary(
        p.getId(),
        p.getSessionName(),
        p.getNumber(),
        p.getType().name(),
        p.getTitle(),
        p.getCategory(),
        p.getProposer(),
        p.getDelegation(),
        p.getSubmittedAt(),
        p.getStatus().name(),
        p.isKeyItem(),
        p.getUpdatedAt());
  }
}
