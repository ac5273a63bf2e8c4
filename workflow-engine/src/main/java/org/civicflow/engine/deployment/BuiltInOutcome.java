package org.civicflow.engine.deployment;

/** What a node's start-up did with a built-in model of its release. */
public enum BuiltInOutcome {
  /** Deployed as the model's new current version. */
  DEPLOYED,
  /** Not deployed: the current version is an admin's; an admin decides. */
  PENDING,
  /** Nothing to do: the database knows this revision already. */
  KNOWN,
  /** Nothing to do: the database knows a newer revision (this node is of an older release). */
  OLDER
}
