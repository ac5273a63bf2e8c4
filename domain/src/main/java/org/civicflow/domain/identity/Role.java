package org.civicflow.domain.identity;

/** What a person does in CivicFlow (see the product guide, "Who uses it"). */
public enum Role {
  /** 交办员: registers, accepts, assigns, supervises. */
  REGISTRAR,
  /** 承办人: signs for, drafts replies, writes co-handling opinions, in a department. */
  HANDLER,
  /** 科室/部门负责人: reviews drafts of the department. */
  REVIEWER,
  /** 分管/主要负责人: signs replies off for the department. */
  LEADER,
  /** 代表/委员: follows own proposals and rates the replies. */
  PROPOSER,
  /** 管理员: process models, departments, users, sessions. */
  ADMIN;

  /** Whether the role works inside one department. */
  public boolean isDepartmental() {
    return this == HANDLER || this == REVIEWER || this == LEADER;
  }

  /** The Camunda group id of the role (lower case), e.g. {@code registrar}. */
  public String groupId() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
