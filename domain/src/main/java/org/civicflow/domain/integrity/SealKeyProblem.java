package org.civicflow.domain.integrity;

/**
 * The seal keys cannot be set up as configured: the application does not start. The message says
 * what is wrong and how to put it right.
 */
public class SealKeyProblem extends IllegalStateException {

  static final String HOW_TO_MAKE =
      "Make one key for the whole cluster with `openssl rand -base64 32` and give the same key to"
          + " every node, as the environment variable CIVICFLOW_SEAL_KEY or in a file named by"
          + " civicflow.integrity.key-file (owner-only permissions). Back it up apart from the"
          + " database backups; see docs/operations.md.";

  public SealKeyProblem(String message) {
    super(message);
  }

  public SealKeyProblem(String message, Throwable cause) {
    super(message, cause);
  }

  /** What the operator should do. */
  public String action() {
    return HOW_TO_MAKE;
  }
}
