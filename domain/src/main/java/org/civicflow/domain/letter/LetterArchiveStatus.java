package org.civicflow.domain.letter;

/** Where a download of a session's letters stands. */
public enum LetterArchiveStatus {
  /** Started, waiting for a runner. */
  QUEUED,
  /** A node makes the letters not yet made. */
  RUNNING,
  /** Every letter handled: the ZIP can be downloaded (letters that failed are listed as such). */
  DONE,
  /** Could not run at all (the registrar who started it is no longer one). */
  FAILED;

  public boolean isActive() {
    return this == QUEUED || this == RUNNING;
  }
}
