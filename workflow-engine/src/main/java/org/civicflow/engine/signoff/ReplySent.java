package org.civicflow.engine.signoff;

/** The signed reply went to the proposer and the co-signers. */
public record ReplySent(long proposalId, String department, long publicationId) {}
