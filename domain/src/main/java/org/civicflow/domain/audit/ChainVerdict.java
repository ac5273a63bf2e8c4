package org.civicflow.domain.audit;

/**
 * What a verification of the audit chain found.
 *
 * @param ok every record checked holds: no tampering found and every key known. A link of a key
 *     this node does not hold makes it {@code false} (with reason {@code unknownKey}): the node
 *     could not verify the whole chain, which is not the same as finding it sound.
 * @param checked the records whose link (chained) or entry seal (not yet chained) was checked
 * @param firstBroken the first finding in chain order, evidence of tampering before an unknown key;
 *     {@code null} when ok
 */
public record ChainVerdict(boolean ok, long checked, ChainBreak firstBroken) {}
