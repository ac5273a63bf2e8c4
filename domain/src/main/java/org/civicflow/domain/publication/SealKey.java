package org.civicflow.domain.publication;

/**
 * The secret behind the seal of signed replies. It is kept outside the database, so that whoever
 * can write to the database still cannot forge a seal.
 */
public interface SealKey {

  /** The raw key bytes (at least 32). */
  byte[] bytes();
}
