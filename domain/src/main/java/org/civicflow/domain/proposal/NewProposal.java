package org.civicflow.domain.proposal;

import java.time.Instant;
import java.util.List;

/**
 * What the registrar enters for a new proposal (the body of {@code POST /api/v1/proposals}).
 *
 * @param session the session's name, e.g. 市九届人大一次会议
 * @param proposerUsername the proposer's account, if they have one (they then follow it online)
 */
public record NewProposal(
    String session,
    String number,
    ProposalType type,
    String title,
    String content,
    String category,
    String proposer,
    String proposerUsername,
    List<String> coSigners,
    String delegation,
    Instant submittedAt) {}
