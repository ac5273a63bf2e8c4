package org.civicflow.domain.assignment;

/** How a proposal is split between departments. */
public enum AssignmentMode {
  /** One lead department (主办) and any number of co-handling departments (协办). */
  LEAD_CO,
  /** Several departments, each handling and replying on its own (分办). */
  SEPARATE
}
