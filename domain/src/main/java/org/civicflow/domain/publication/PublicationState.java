package org.civicflow.domain.publication;

/** Where a signed reply stands on the public site. */
public enum PublicationState {
  /** Signed off; not yet published. */
  SIGNED,
  /** Shown on the public site. */
  PUBLISHED,
  /** Not public, with the reason confirmed by the registrar. */
  NOT_PUBLIC,
  /** Taken off the public site by the registrar, with a reason; nothing deleted. */
  WITHDRAWN,
  /**
   * Signed, then returned by a further approval step before it was sent: never sent, never public;
   * kept for the record.
   */
  VOIDED
}
