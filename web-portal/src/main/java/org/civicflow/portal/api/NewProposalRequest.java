package org.civicflow.portal.api;

import java.util.List;

/** The body of {@code POST /api/v1/proposals}. */
public record NewProposalRequest(
    String session,
    String number,
    String type,
    String title,
    String content,
    String category,
    String proposer,
    String proposerUsername,
    List<String> coSigners,
    String delegation,
    String submittedAt) {}
