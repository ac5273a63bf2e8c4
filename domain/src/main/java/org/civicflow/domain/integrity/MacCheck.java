package org.civicflow.domain.integrity;

/** The outcome of checking a stored MAC. */
public enum MacCheck {
  /** The record is what was sealed. */
  VALID,
  /** Made with a key this node holds, and the record no longer matches: tampering. */
  BROKEN,
  /**
   * Made with a key this node does not hold (another cluster's key, or a rotation this node has not
   * been told of): the node cannot tell, so it must neither serve nor judge the record.
   */
  UNKNOWN_KEY
}
