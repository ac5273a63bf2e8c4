package org.civicflow.domain.search;

/**
 * A proposal was registered or changed (published by {@code proposal.Proposals}) inside the
 * change's transaction (listeners that write run in it: the search feed).
 */
public record ProposalChanged(long proposalId) {}
