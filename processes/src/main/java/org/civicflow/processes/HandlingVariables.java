package org.civicflow.processes;

/**
 * The variables every handling process carries: the proposal and the department an instance handles
 * for, and the proposer. Each process's class lists them where its model uses them.
 */
public final class HandlingVariables {

  /** The proposal's id (a number). */
  public static final String PROPOSAL_ID = "proposalId";

  /** The code of the department the instance (or the multi-instance branch) handles for. */
  public static final String DEPARTMENT = "department";

  /** The user name of the proposer, who rates the reply. */
  public static final String PROPOSER_USERNAME = "proposerUsername";

  private HandlingVariables() {}
}
