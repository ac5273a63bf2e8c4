package org.civicflow.domain.imports;

/** Where an import job stands. */
public enum ImportStatus {
  /** Uploaded and checked; nothing registered yet, waiting for the registrar to start it. */
  PREVIEWED,
  /** Started, waiting for a runner on any node. */
  QUEUED,
  /** A runner registers its rows. */
  RUNNING,
  /** Every row was handled (registered, skipped as a duplicate, or reported as failed). */
  DONE,
  /** The job could not run at all (see its failure); rows registered before stay registered. */
  FAILED;

  /** Whether the job still has work ahead of it. */
  public boolean isActive() {
    return this == QUEUED || this == RUNNING;
  }

  public boolean isFinished() {
    return this == DONE || this == FAILED;
  }
}
