package org.civicflow.engine.task;

import java.util.Arrays;
import java.util.Optional;

/** The task keys of the API contract: the ids of the models' user tasks. */
public enum TaskKey {
  reviewAcceptance,
  assignDepartments,
  signFor,
  decideReassignment,
  coHandlingOpinion,
  draftReply,
  reviewDraft,
  signOff,
  confirmNonDisclosure,
  giveFeedback,
  decideExtension,
  superviseOverdue,
  reportCommitment,
  reviewCommitmentReport,
  signSupplementaryReply,
  superviseCommitment,
  decideResultCategory,
  reportBeforeSession;

  public static Optional<TaskKey> of(String id) {
    return Arrays.stream(values()).filter(k -> k.name().equals(id)).findFirst();
  }

  /** Whether the step follows one commitment (its process carries {@code commitmentId}). */
  public boolean isCommitments() {
    return switch (this) {
      case reportCommitment,
          reviewCommitmentReport,
          signSupplementaryReply,
          superviseCommitment,
          decideResultCategory,
          reportBeforeSession ->
          true;
      default -> false;
    };
  }

  /** Whether the registrar's office does this step. */
  public boolean isRegistrars() {
    return switch (this) {
      case reviewAcceptance,
          assignDepartments,
          decideReassignment,
          confirmNonDisclosure,
          decideExtension,
          superviseOverdue,
          superviseCommitment,
          decideResultCategory ->
          true;
      default -> false;
    };
  }
}
